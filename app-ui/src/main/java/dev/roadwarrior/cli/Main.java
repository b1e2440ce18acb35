package dev.roadwarrior.cli;

import picocli.CommandLine;

/** Entry point of {@code ./roadwarrior}: runs the picocli command tree and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 success, 2 usage or bad input, 1 other). */
    public static int run(String... args) {
        return RoadwarriorCommand.commandLine().execute(args);
    }
}
