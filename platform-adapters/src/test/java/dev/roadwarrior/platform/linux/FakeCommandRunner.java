package dev.roadwarrior.platform.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Records commands instead of running them; answers with a fixed exit code. */
final class FakeCommandRunner implements CommandRunner {

    final List<String> commands = new ArrayList<>();
    final List<String> inputs = new ArrayList<>();
    final Map<String, Path> installed = new HashMap<>();
    int exitCode;

    @Override
    public Result run(List<String> command, String input) {
        commands.add(String.join(" ", command));
        inputs.add(input);
        return new Result(exitCode, exitCode == 0 ? "" : "failed");
    }

    @Override
    public Optional<Path> find(String program) {
        return Optional.ofNullable(installed.get(program));
    }
}
