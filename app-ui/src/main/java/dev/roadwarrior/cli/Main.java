package dev.roadwarrior.cli;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * Entry point of {@code ./roadwarrior}: runs the picocli command tree and exits with its code; the
 * service's usual start skips picocli ({@link DaemonCommand#parseDirect}).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 success, 2 usage or bad input, 1 other). */
    public static int run(String... args) {
        Optional<DaemonCommand> daemon = DaemonCommand.parseDirect(args);
        if (daemon.isPresent()) {
            try {
                return daemon.get().run(new PrintWriter(System.err, true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return RoadwarriorCommand.FAILED;
            }
        }
        return RoadwarriorCommand.commandLine().execute(args);
    }
}
