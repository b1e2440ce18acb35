package dev.roadwarrior.cli;

import dev.roadwarrior.daemon.Daemon;
import dev.roadwarrior.daemon.DaemonLogging;
import dev.roadwarrior.daemon.EngineLocator;
import dev.roadwarrior.ipc.ServicePaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code daemon}: runs the privileged service in the foreground until SIGTERM or SIGINT, which
 * disconnect the running connection and restore the host before it exits 0. systemd starts it
 * (installer/src/main/linux/roadwarrior.service).
 *
 * <p>The forms the service is started with ({@link #parseDirect}) skip picocli: its command tree
 * is ~180 classes that cannot go into the class-data archive and would stay loaded in the
 * service for nothing. Anything else (help, a typo) goes through picocli as every command does.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Run the Roadwarrior service (as root; usually started by systemd).")
final class DaemonCommand implements Callable<Integer> {

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info",
            description = "error, warning, info (default) or debug")
    String logLevel;

    @Option(names = "--block-while-disconnected",
            description = "let no traffic out while no connection is up (the kill switch for every profile, "
                    + "and between connections: only loopback, DHCP and IPv6 neighbour discovery)")
    boolean blockWhileDisconnected;

    @Spec
    CommandSpec spec;

    /**
     * The command for {@code daemon [--block-while-disconnected] [--log-level LEVEL |
     * --log-level=LEVEL]}, each option at most once; empty for any other arguments.
     */
    static Optional<DaemonCommand> parseDirect(String... args) {
        if (args.length == 0 || !args[0].equals("daemon")) {
            return Optional.empty();
        }
        DaemonCommand command = new DaemonCommand();
        String level = null;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--block-while-disconnected") && !command.blockWhileDisconnected) {
                command.blockWhileDisconnected = true;
            } else if (arg.startsWith("--log-level=") && level == null) {
                level = arg.substring("--log-level=".length());
            } else if (arg.equals("--log-level") && level == null && i + 1 < args.length
                    && !args[i + 1].startsWith("-")) {
                level = args[++i];
            } else {
                return Optional.empty();
            }
        }
        command.logLevel = level == null ? "info" : level;
        return Optional.of(command);
    }

    @Override
    public Integer call() throws InterruptedException {
        return run(spec.commandLine().getErr());
    }

    /** Runs the service until it is asked to stop; errors go to {@code err}. */
    int run(PrintWriter err) throws InterruptedException {
        DaemonLogging.Threshold threshold;
        try {
            threshold = DaemonLogging.threshold(logLevel);
        } catch (IllegalArgumentException e) {
            err.println("error: --log-level takes error, warning, info or debug, not " + logLevel);
            return RoadwarriorCommand.BAD_INPUT;
        }
        if (!EngineLocator.isRoot()) {
            err.println("error: the Roadwarrior service must run as root (systemd starts it: sudo systemctl start roadwarrior)");
            return RoadwarriorCommand.FAILED;
        }
        DaemonLogging.install(threshold);
        Daemon daemon;
        try {
            daemon = Daemon.start(ServicePaths.fromEnvironment(), VersionProvider.version(), blockWhileDisconnected);
        } catch (IOException | RuntimeException e) {
            err.println("error: cannot start the Roadwarrior service: " + e.getMessage());
            return RoadwarriorCommand.FAILED;
        }
        Signals.onInterrupt(daemon::requestStop);
        daemon.awaitStopRequest();
        return daemon.stop() ? RoadwarriorCommand.OK : RoadwarriorCommand.FAILED;
    }
}
