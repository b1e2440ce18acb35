package dev.roadwarrior.cli;

import dev.roadwarrior.connect.ConnectRequests;
import dev.roadwarrior.connect.EngineMessages;
import dev.roadwarrior.daemon.EngineLocator;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.ipc.ServiceException;
import dev.roadwarrior.ipc.ServiceMessages;
import dev.roadwarrior.ipc.ServicePaths;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.ProfileValidator;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * disconnect cleanly (exit 0).
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

    @Spec
    CommandSpec spec;

    private ProfileLibrary library;
    private Optional<char[]> passwordToSave = Optional.empty();
    private boolean passwordSaved;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EngineLocator.Located located;
        try {
            located = EngineLocator.locate(ServicePaths.fromEnvironment(), profile -> library.load(profile));
        } catch (ServiceException e) {
            err.println("error: " + ServiceMessages.describe(e));
            return RoadwarriorCommand.FAILED;
        }
        try (located) {
            return connect(located, out, err);
        }
    }

    /**
     * Builds the request and connects; waits until the tunnel is up or failed when the service
     * keeps the connection (unless {@code --foreground}), else until the connection ends.
     */
    private int connect(EngineLocator.Located located, PrintWriter out, PrintWriter err) {
        ConnectRequest request;
        try {
            request = request(err);
        } catch (ProfileException e) {
            err.println("error: " + e.getMessage());
            return e.reason().isBadInput() ? RoadwarriorCommand.BAD_INPUT : RoadwarriorCommand.FAILED;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + e.getMessage());
            return RoadwarriorCommand.BAD_INPUT;
        }
        if (request == null) {
            return RoadwarriorCommand.BAD_INPUT;
        }
        VpnEngine engine = located.engine();
        boolean attached = foreground || !located.inService();
        CompletableFuture<Void> upOrEnded = new CompletableFuture<>();
        AtomicBoolean failed = new AtomicBoolean();
        TerminalPrompts prompts = new TerminalPrompts(engine, System.console(), out, err, library.secrets(), name,
                passwordToSave, passwordSaved);
        Signals.onInterrupt(engine::disconnect);
        out.println("Connecting to " + request.gatewayHost() + " with profile " + name
                + (located.inService() ? " through the Roadwarrior service"
                        : foreground ? "" : " (the engine runs in this process; Ctrl-C disconnects)"));
        out.flush();
        try {
            engine.connect(request, event -> {
                report(event, out, err, failed, prompts, attached);
                if (event instanceof EngineEvent.StateChanged s && s.state() == ConnectionState.CONNECTED
                        || event instanceof EngineEvent.Failed || event instanceof EngineEvent.Disconnected) {
                    upOrEnded.complete(null);
                }
            });
        } catch (IllegalStateException | IllegalArgumentException e) {
            prompts.close();
            err.println("error: " + e.getMessage());
            return RoadwarriorCommand.FAILED;
        }
        try {
            (attached ? engine.terminated() : upOrEnded).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            engine.disconnect();
        } catch (ExecutionException e) {
            err.println("error: " + e.getCause());
            return RoadwarriorCommand.FAILED;
        } finally {
            prompts.close();
        }
        out.flush();
        err.flush();
        return failed.get() ? RoadwarriorCommand.FAILED : RoadwarriorCommand.OK;
    }

    private ConnectRequest request(PrintWriter err) throws ProfileException, IOException {
        library = ProfileLibrary.open();
        Profile profile = library.load(name);
        Map<SecretKind, Secret> secrets = library.secretsOf(name);
        Optional<Secret> group = Optional.ofNullable(secrets.get(SecretKind.GROUP_PASSWORD));
        ProfileValidator.validateForConnect(profile, group);
        Optional<char[]> keyPassphrase = KeyPassphrases.of(profile, secrets, keyPassphraseStdin, System.in,
                System.console());
        Optional<String> user = Optional.ofNullable(username).or(profile::savedUsername).filter(u -> !u.isEmpty());
        Optional<char[]> password = Optional.empty();
        if (profile.authentication().method().name().endsWith("XAUTH")) {
            Console console = System.console();
            if (user.isEmpty() && console != null) {
                user = Optional.ofNullable(console.readLine("User name: ")).filter(u -> !u.isEmpty());
            }
            if (passwordStdin) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = in.readLine();
                password = Optional.ofNullable(line).map(String::toCharArray);
            } else if (secrets.containsKey(SecretKind.XAUTH_PASSWORD)) {
                password = secrets.get(SecretKind.XAUTH_PASSWORD).text().map(String::toCharArray);
                passwordSaved = password.isPresent();
            } else if (console != null) {
                password = Optional.ofNullable(console.readPassword("Password for %s: ", user.orElse("")));
            }
            if (user.isEmpty() || password.isEmpty()) {
                err.println("error: the profile needs a user name and password: give --username and --password-stdin, "
                        + "or run in a terminal to be asked");
                return null;
            }
            if (savePassword && !passwordSaved) {
                passwordToSave = password.map(char[]::clone);
            }
        }
        byte[] psk = group.map(Secret::bytes).orElse(new byte[0]);
        return ConnectRequests.of(profile, psk, user, password, keyPassphrase);
    }

    private static void report(EngineEvent event, PrintWriter out, PrintWriter err, AtomicBoolean failed,
            TerminalPrompts prompts, boolean attached) {
        if (event instanceof EngineEvent.Progress p) {
            out.println("  " + EngineMessages.progress(p.step(), p.detail()));
        } else if (event instanceof EngineEvent.CredentialsRequired c) {
            prompts.ask(c);
        } else if (event instanceof EngineEvent.SavePassword s) {
            prompts.savePassword(s.allowed());
        } else if (event instanceof EngineEvent.Warning w) {
            err.println("warning: " + EngineMessages.warning(w.reason(), w.detail()));
        } else if (event instanceof EngineEvent.Banner b) {
            out.println("Message from the gateway:\n" + b.text());
        } else if (event instanceof EngineEvent.TunnelUp up) {
            out.println(describe(up.config()) + "\n  " + up.algorithms());
            out.println(attached ? "Tunnel up. Press Ctrl-C to disconnect."
                    : "Tunnel up. It stays up after this command; end it with: roadwarrior disconnect");
        } else if (event instanceof EngineEvent.Failed f) {
            failed.set(true);
            err.println("error: " + EngineMessages.failure(f.error()));
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
