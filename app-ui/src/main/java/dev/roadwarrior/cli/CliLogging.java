package dev.roadwarrior.cli;

import dev.roadwarrior.daemon.DaemonLogging;
import dev.roadwarrior.profiles.RoadwarriorPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * Where the command line's log records go: into {@code cli.log} in the state directory
 * ({@code $XDG_STATE_HOME/roadwarrior/}, or {@code $ROADWARRIOR_HOME/run/}; mode 0600, started
 * over at 1 MB), not into the output meant for the user; {@code --verbose} also writes them to
 * standard error, one line each. The service ({@code daemon}, {@link DaemonLogging}) and the
 * desktop app keep their own set-up. Records carry no secrets: the code logs none.
 */
final class CliLogging {

    /** The log file's name in the state directory. */
    static final String FILE = "cli.log";
    private static final int LIMIT_BYTES = 1_000_000;
    /** Held here: the logging framework keeps loggers only weakly, and with them their level. */
    private static final Logger ROOT = Logger.getLogger("");

    private CliLogging() {
    }

    /**
     * Sets logging up for the subcommand that {@code parsed} runs, before it runs: the log file
     * for every command but {@code daemon} and the desktop app (no subcommand, {@code open}).
     */
    static void forCommand(CommandLine.ParseResult parsed) {
        if (!parsed.hasSubcommand()) {
            return;
        }
        Object command = parsed.subcommand().commandSpec().userObject();
        if (command instanceof DaemonCommand || command instanceof OpenCommand) {
            return;
        }
        toFile(RoadwarriorPaths.fromEnvironment().stateDir().resolve(FILE));
    }

    /** Replaces the default set-up (records on stderr) with the log file {@code file}; without it, records are dropped. */
    static void toFile(Path file) {
        LogManager.getLogManager().reset();
        ROOT.setLevel(Level.INFO);
        try {
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            FileHandler handler = new FileHandler(file.toString(), LIMIT_BYTES, 1, true);
            handler.setFormatter(new DaemonLogging.LineFormatter(false));
            handler.setLevel(Level.INFO);
            ROOT.addHandler(handler);
        } catch (IOException | RuntimeException e) {
            // a read-only home: the user still gets every sentence meant for them, only the log is lost
        }
    }

    /** {@code --verbose}: the records also go to standard error. */
    static void verbose() {
        Handler stderr = new ConsoleHandler();
        stderr.setFormatter(new DaemonLogging.LineFormatter(false));
        stderr.setLevel(Level.INFO);
        ROOT.addHandler(stderr);
    }
}
