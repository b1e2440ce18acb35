package dev.roadwarrior.cli;

import dev.roadwarrior.daemon.Daemon;
import dev.roadwarrior.daemon.DaemonLogging;
import dev.roadwarrior.daemon.EngineLocator;
import dev.roadwarrior.ipc.ServicePaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code daemon}: runs the privileged service in the foreground until SIGTERM or SIGINT, which
 * disconnect the running connection and restore the host before it exits 0. systemd starts it
 * (installer/src/main/linux/roadwarrior.service).
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

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
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
