package dev.roadwarrior.cli;

import dev.roadwarrior.connect.ConnectFailure;
import dev.roadwarrior.connect.ConnectOptions;
import dev.roadwarrior.connect.ConnectService;
import dev.roadwarrior.connect.ConnectSession;
import dev.roadwarrior.connect.ErrorMessages;
import dev.roadwarrior.daemon.EngineLocator;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.ipc.ServiceException;
import dev.roadwarrior.ipc.ServicePaths;
import dev.roadwarrior.profiles.ProfileLibrary;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code connect NAME}: brings the tunnel up with a stored profile. When the Roadwarrior service
 * runs, it runs the connection: the command returns once the tunnel is up (exit 0) or failed
 * (exit 1), unless {@code --foreground} keeps it attached. Without the service this needs root
 * and runs the engine in this process, staying attached until SIGINT or SIGTERM, which
 * disconnect cleanly (exit 0). The work is the {@link ConnectService}'s, shared with the desktop
 * app; this command supplies the terminal ({@link TerminalInteraction}) and prints the events.
 */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = "Connect with a profile, through the service when it runs.")
final class ConnectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NAME", description = "the profile name")
    String name;

    @Option(names = "--username", paramLabel = "USER", description = "the XAuth user name (default: the saved one, or ask)")
    String username;

    @Option(names = "--password-stdin", description = "read the XAuth password as one line from standard input")
    boolean passwordStdin;

    @Option(names = "--key-passphrase-stdin", description = "read the passphrase of the client's private key "
            + "(or PKCS#12) file as the first line of standard input, before any --password-stdin line")
    boolean keyPassphraseStdin;

    @Option(names = "--foreground", description = "stay attached until interrupted (the default while no service runs)")
    boolean foreground;

    @Option(names = "--save-password", description = "keep the XAuth password in the secret store, if the gateway allows it")
    boolean savePassword;

    @Option(names = "--verbose", description = "also print the log records (otherwise only in the log file, "
            + "$XDG_STATE_HOME/roadwarrior/" + CliLogging.FILE + ")")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (verbose) {
            CliLogging.verbose();
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProfileLibrary library = ProfileLibrary.open();
        EngineLocator.Located located;
        try {
            located = EngineLocator.locate(ServicePaths.fromEnvironment(), library::load);
        } catch (ServiceException e) {
            err.println("error: " + ErrorMessages.describe(e));
            return RoadwarriorCommand.FAILED;
        }
        try (located) {
            return connect(new ConnectService(library), located, out, err);
        }
    }

    /**
     * Prepares the request and connects; waits until the tunnel is up or failed when the service
     * keeps the connection (unless {@code --foreground}), else until the connection ends.
     */
    private int connect(ConnectService service, EngineLocator.Located located, PrintWriter out, PrintWriter err) {
        TerminalInteraction terminal = new TerminalInteraction(System.console(), out, err);
        ConnectService.Prepared prepared;
        try {
            prepared = service.prepare(name, options(), terminal);
        } catch (ConnectFailure e) {
            err.println("error: " + e.getMessage());
            return e.badInput() ? RoadwarriorCommand.BAD_INPUT : RoadwarriorCommand.FAILED;
        } catch (IOException e) {
            err.println("error: standard input could not be read: " + e.getMessage());
            return RoadwarriorCommand.BAD_INPUT;
        }
        VpnEngine engine = located.engine();
        boolean attached = foreground || !located.inService();
        CompletableFuture<Void> upOrEnded = new CompletableFuture<>();
        AtomicBoolean failed = new AtomicBoolean();
        Signals.onInterrupt(engine::disconnect);
        out.println("Connecting to " + prepared.gateway() + " with profile " + name
                + (located.inService() ? " through the Roadwarrior service"
                        : foreground ? "" : " (the engine runs in this process; Ctrl-C disconnects)"));
        if (!located.inService() && service.killSwitch(name)) {
            err.println("warning: the kill switch needs the Roadwarrior service; this connection runs without it.");
        }
        out.flush();
        ConnectSession session;
        try {
            session = service.start(engine, prepared, terminal, event -> {
                report(event, out, err, failed, attached);
                if (event instanceof EngineEvent.StateChanged s && s.state() == ConnectionState.CONNECTED
                        || event instanceof EngineEvent.Failed || event instanceof EngineEvent.Disconnected) {
                    upOrEnded.complete(null);
                }
            });
        } catch (ConnectFailure e) {
            err.println("error: " + e.getMessage());
            return RoadwarriorCommand.FAILED;
        }
        try (session) {
            (attached ? engine.terminated() : upOrEnded).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engine.disconnect();
        } catch (ExecutionException e) {
            err.println("error: " + ErrorMessages.describe(e.getCause()));
            return RoadwarriorCommand.FAILED;
        }
        out.flush();
        err.flush();
        return failed.get() ? RoadwarriorCommand.FAILED : RoadwarriorCommand.OK;
    }

    /** What the options and standard input give: the key passphrase's line comes before the password's. */
    private ConnectOptions options() throws IOException {
        Optional<char[]> keyPassphrase = keyPassphraseStdin ? Optional.of(TerminalInteraction.line(System.in))
                : Optional.empty();
        Optional<char[]> password = passwordStdin ? Optional.of(TerminalInteraction.line(System.in)) : Optional.empty();
        return new ConnectOptions(Optional.ofNullable(username), password, keyPassphrase, savePassword,
                System.console() != null);
    }

    /** Prints an event; prompts and the save-password permission are the session's. */
    private static void report(EngineEvent event, PrintWriter out, PrintWriter err, AtomicBoolean failed,
            boolean attached) {
        if (event instanceof EngineEvent.Progress p) {
            out.println("  " + ErrorMessages.progress(p.step(), p.detail()));
        } else if (event instanceof EngineEvent.Warning w) {
            err.println("warning: " + ErrorMessages.warning(w.reason(), w.detail()));
        } else if (event instanceof EngineEvent.Banner b) {
            out.println("Message from the gateway:\n" + b.text());
        } else if (event instanceof EngineEvent.TunnelUp up) {
            out.println(describe(up.config()) + "\n  " + up.algorithms());
            out.println(attached ? "Tunnel up. Press Ctrl-C to disconnect."
                    : "Tunnel up. It stays up after this command; end it with: roadwarrior disconnect");
        } else if (event instanceof EngineEvent.Failed f) {
            failed.set(true);
            err.println("error: " + ErrorMessages.failure(f.error()));
        } else if (event instanceof EngineEvent.Disconnected) {
            out.println("Disconnected.");
        }
        out.flush();
        err.flush();
    }

    private static String describe(TunnelConfig c) {
        StringBuilder s = new StringBuilder("  Address " + c.address().getHostAddress() + "/" + c.prefixLength());
        s.append(c.fullTunnel() ? ", all traffic through the tunnel" : ", routes " + c.includeNetworks());
        if (!c.dnsServers().isEmpty()) {
            s.append(", DNS ");
            c.dnsServers().forEach(d -> s.append(d.getHostAddress()).append(' '));
        }
        return s.toString().trim();
    }
}
