package dev.roadwarrior.platform.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs helper programs (resolvectl, resolvconf). A seam so that tests can check command lines
 * without changing the host's DNS.
 */
public interface CommandRunner {

    /** What a finished program returned; {@code output} holds stdout and stderr together. */
    record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code command} (program name first), feeding {@code input} to its standard input,
     * and waits for it to end.
     *
     * @throws IOException when the program cannot be started or does not end in time
     */
    Result run(List<String> command, String input) throws IOException;

    /** Where {@code program} is installed, searching PATH and the sbin directories. */
    Optional<Path> find(String program);

    /** Runs real programs, waiting at most 15 seconds for each. */
    static CommandRunner system() {
        return new SystemCommandRunner();
    }
}
