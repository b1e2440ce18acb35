package dev.roadwarrior.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * strongSwan's charon as the lab's IKEv1 road-warrior gateway, running in the
 * {@link LabNode#GATEWAY} namespace with its own strongswan.conf, its own {@code /run} (a tmpfs in
 * a private mount namespace, so its pid file never meets the host's or another gateway's) and its
 * own vici socket in {@link Lab#runDir()}.
 *
 * <p>Files live in {@code <lab log dir>/gateway/}: {@code strongswan.conf}, {@code swanctl/}
 * (swanctl.conf plus certificate directories) and {@code charon.log} (charon's own log); its
 * stdout/stderr go to {@code charon-stdout.log} in the lab log dir.
 *
 * <p>Not thread-safe: drive one gateway from the test thread.
 */
public final class StrongswanGateway implements AutoCloseable {
    /** The charon daemon binary (Debian strongswan-charon). */
    public static final Path CHARON = Path.of("/usr/lib/ipsec/charon");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final List<String> SWANCTL_DIRS = List.of("x509", "x509ca", "x509ocsp", "x509aa", "x509ac",
            "x509crl", "pubkey", "private", "rsa", "ecdsa", "bliss", "pkcs8", "pkcs12");

    private final Lab lab;
    private final Path dir;
    private final Path swanctlDir;
    private final Path viciSocket;
    private final Path logFile;
    private final Path strongswanConf;
    private GatewayConfig config;
    private LabProcess charon;

    private StrongswanGateway(Lab lab, GatewayConfig config) {
        this.lab = lab;
        this.config = config;
        this.dir = lab.logDir().resolve("gateway");
        this.swanctlDir = dir.resolve("swanctl");
        this.viciSocket = lab.runDir().resolve("charon.vici");
        this.logFile = dir.resolve("charon.log");
        this.strongswanConf = dir.resolve("strongswan.conf");
    }

    /**
     * Writes the configuration, starts charon, waits until its vici socket answers and loads the
     * connection, pool and secrets.
     *
     * @throws LabException {@link LabException.Reason#NOT_READY} when charon exits or does not
     *                      answer in time, {@link LabException.Reason#LAB_BROKEN} when a plugin
     *                      failed to load (the sentence names its Debian package), {@link LabException.Reason#COMMAND_FAILED} when swanctl
     *                      rejects the configuration
     */
    public static StrongswanGateway start(Lab lab, GatewayConfig config) {
        final StrongswanGateway gateway = new StrongswanGateway(lab, config);
        try {
            Files.createDirectories(gateway.swanctlDir);
            for (String sub : SWANCTL_DIRS) {
                Files.createDirectories(gateway.swanctlDir.resolve(sub));
            }
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot write gateway files in " + gateway.dir, e);
        }
        gateway.start();
        return gateway;
    }

    /**
     * Starts charon again (after {@link #stop()} or {@link #kill()}) with the current
     * configuration (strongswan.conf is written anew from it). Established SAs are gone; clients
     * must reconnect.
     */
    public void start() {
        if (isRunning()) {
            throw new IllegalStateException("charon is already running");
        }
        try {
            Files.writeString(strongswanConf, StrongswanConf.render(viciSocket, logFile, config.ikeFragmentSize(),
                    StrongswanConf.plugins(config)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot write " + strongswanConf, e);
        }
        charon = lab.spawn(LabNode.GATEWAY, "charon-stdout", environment(), List.of(
                "unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t tmpfs -o mode=0755 tmpfs /run && exec " + CHARON));
        awaitVici();
        checkPlugins();
        load(config);
    }

    /**
     * Fails at once, naming the plugin and its Debian package, when charon's log says a plugin of
     * its {@code load =} line failed to load: a broken lab, not a fault of the client under test.
     */
    private void checkPlugins() {
        final List<String> failed = LabPrerequisites.failedPlugins(log() + "\n" + charon.output(),
                StrongswanConf.plugins(config));
        if (!failed.isEmpty()) {
            stop();
            throw new LabException(LabException.Reason.LAB_BROKEN, LabPrerequisites.describeMissingPlugins(failed));
        }
    }

    /** Writes {@code config} as swanctl.conf and loads it into the running charon (replacing the old one). */
    public void load(GatewayConfig newConfig) {
        writeSwanctl(newConfig);
        this.config = newConfig;
        swanctl("--load-all", "--file", swanctlDir.resolve("swanctl.conf").toString()).orThrow();
    }

    /** Runs {@code swanctl <args> --uri <this gateway's socket>}; never throws for a failing command. */
    public ExecResult swanctl(String... args) {
        final List<String> command = new ArrayList<>(List.of("swanctl"));
        command.addAll(List.of(args));
        command.add("--uri");
        command.add("unix://" + viciSocket);
        return lab.exec(LabNode.GATEWAY, Duration.ofSeconds(20), environment(), command);
    }

    /** Output of {@code swanctl --list-sas} (IKE and CHILD SAs with addresses, ports and encapsulation). */
    public String listSas() {
        return swanctl("--list-sas").orThrow().stdout();
    }

    /** Output of {@code swanctl --list-conns}. */
    public String listConns() {
        return swanctl("--list-conns").orThrow().stdout();
    }

    /** Stops charon cleanly (SIGTERM; SIGKILL after 5 s). It sends deletes for its SAs. */
    public void stop() {
        if (charon != null) {
            charon.stop(STOP_GRACE);
        }
    }

    /** Kills charon with SIGKILL: the gateway vanishes without telling its peers. */
    public void kill() {
        if (charon != null) {
            charon.kill();
        }
    }

    /** {@link #stop()} then {@link #start()}. */
    public void restart() {
        stop();
        start();
    }

    public boolean isRunning() {
        return charon != null && charon.isAlive();
    }

    public GatewayConfig config() {
        return config;
    }

    /** charon's log file (appended across restarts). */
    public Path logFile() {
        return logFile;
    }

    /** Current content of {@link #logFile()} (empty if none yet). */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot read " + logFile, e);
        }
    }

    /** Stops charon (same as {@link #stop()}); the lab removes the rest. */
    @Override
    public void close() {
        stop();
    }

    private Map<String, String> environment() {
        return Map.of("STRONGSWAN_CONF", strongswanConf.toString());
    }

    private void awaitVici() {
        final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!charon.isAlive()) {
                throw new LabException(LabException.Reason.NOT_READY,
                        "charon exited: " + charon.output() + "\n" + log());
            }
            final ExecResult stats = swanctl("--stats");
            if (stats.succeeded()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new LabException(LabException.Reason.NOT_READY,
                        "vici socket did not answer within " + START_TIMEOUT + "\n" + stats.describe());
            }
            Waits.sleep(Duration.ofMillis(100));
        }
    }

    private void writeSwanctl(GatewayConfig c) {
        try {
            Files.writeString(swanctlDir.resolve("swanctl.conf"), c.swanctlConf(), StandardCharsets.UTF_8);
            if (c.certificate().isPresent()) {
                final GatewayCertificate cert = c.certificate().get();
                copy(cert.certificate(), swanctlDir.resolve("x509").resolve(SwanctlConf.GATEWAY_CERT));
                copy(cert.privateKey(), swanctlDir.resolve("private").resolve(SwanctlConf.GATEWAY_KEY));
                copy(cert.caCertificate(), swanctlDir.resolve("x509ca").resolve(SwanctlConf.CA_CERT));
            }
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot write swanctl files in " + swanctlDir, e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
}
