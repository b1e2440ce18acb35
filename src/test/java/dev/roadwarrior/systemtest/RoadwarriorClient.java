package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real {@code ./roadwarrior} in the lab's client namespace, with its own
 * {@code ROADWARRIOR_HOME} (a temp directory) and an {@code /etc/netns/<client ns>/resolv.conf},
 * which {@code ip netns exec} mounts over {@code /etc/resolv.conf} so that DNS changes stay in the
 * lab. {@link #close()} removes both.
 */
final class RoadwarriorClient implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private final Lab lab;
    private final Path home;
    private final Path netnsEtc;
    private final String launcher;
    private final List<LabProcess> connects = new ArrayList<>();

    RoadwarriorClient(Lab lab) throws IOException {
        this.lab = lab;
        this.home = Files.createTempDirectory("rw-home");
        this.netnsEtc = Path.of("/etc/netns", lab.namespace(LabNode.CLIENT));
        Files.createDirectories(netnsEtc);
        Files.writeString(netnsEtc.resolve("resolv.conf"), "# lab client\nnameserver 192.0.2.53\n");
        this.launcher = repo().resolve("roadwarrior").toString();
    }

    /** The repository root (the launcher and the checked-in lab profiles live there). */
    static Path repo() {
        return Path.of(System.getProperty("roadwarrior.repo", "../.."));
    }

    /** A scratch directory for generated profiles and keys, removed with the client. */
    Path home() {
        return home;
    }

    /** {@code import <file> --name <name>}. */
    void importProfile(Path file, String name) {
        lab.exec(LabNode.CLIENT, Duration.ofSeconds(120), env(), List.of(launcher, "import", file.toString(), "--name",
                name)).orThrow();
    }

    /**
     * Starts {@code connect <name> --foreground <options>} with {@code stdin} (one entry a line)
     * as standard input. Its output goes to {@code connect-<name>-<n>.log} in the lab's log dir.
     */
    LabProcess connect(String name, List<String> options, List<String> stdin) {
        LabProcess p = lab.spawn(LabNode.CLIENT, "connect-" + name + "-" + connects.size(), env(),
                List.of("sh", "-c", command(name, options, stdin)));
        connects.add(p);
        return p;
    }

    /** Stops (SIGTERM) every connect still running, e.g. after a failed assertion. */
    void stopAll() {
        for (LabProcess p : connects) {
            p.stop(Duration.ofSeconds(15));
        }
    }

    /** As {@link #connect} but waits for the command to end (for connects that must fail). */
    ExecResult connectUntilExit(String name, List<String> options, List<String> stdin, Duration timeout) {
        return lab.exec(LabNode.CLIENT, timeout, env(), List.of("sh", "-c", command(name, options, stdin)));
    }

    /** Waits until the client reports the tunnel up (fails with its output and {@code context} otherwise). */
    static void awaitTunnel(LabProcess client, StrongswanGateway gateway) {
        Waits.until(CONNECT_TIMEOUT, () -> client.output().contains("Tunnel up.") || !client.isAlive(),
                () -> "tunnel up; output:\n" + client.output() + "\ncharon:\n" + gateway.log());
        assertTrue(client.isAlive(), client.output() + "\ncharon:\n" + gateway.log());
    }

    /** SIGINT, as Ctrl-C: the client must disconnect cleanly and exit 0. */
    void disconnect(LabProcess client) {
        lab.run(LabNode.CLIENT, "kill", "-INT", Long.toString(client.pid()));
        assertTrue(client.waitFor(Duration.ofSeconds(30)), "client exits after SIGINT:\n" + client.output());
        assertEquals(0, client.exitCode().orElse(-1), client.output());
    }

    private String command(String name, List<String> options, List<String> stdin) {
        List<String> words = new ArrayList<>(List.of("exec", launcher, "connect", name, "--foreground"));
        words.addAll(options);
        return String.join(" ", words) + " <<'EOF'\n" + String.join("\n", stdin) + "\nEOF\n";
    }

    private Map<String, String> env() {
        return Map.of("ROADWARRIOR_HOME", home.toString());
    }

    @Override
    public void close() throws IOException {
        stopAll();
        for (Path p : new Path[] {netnsEtc, home}) {
            if (Files.exists(p)) {
                try (var files = Files.walk(p)) {
                    for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(f);
                    }
                }
            }
        }
    }

    /** A Shrew Soft .vpn file built entry by entry ({@code s:}, {@code n:}, {@code b:}); a key set again is replaced. */
    static final class VpnFile {
        private final Map<String, String> lines = new LinkedHashMap<>(Map.of("version", "n:version:4"));

        /**
         * The settings every lab profile shares, for a Shrew {@code auth-method} and
         * {@code phase1-exchange}: the lab gateway, Mode Config pull, NAT-T, DPD, AES-256/SHA2-256/
         * group 14, automatic ESP proposals, lifetimes 86400 s and 3600 s, no fragmentation, no
         * banner, no DNS change, user {@code alice}. Identities and key material are the caller's.
         */
        static VpnFile lab(String method, String exchange) {
            return new VpnFile().s("network-host", Topology.GATEWAY_WAN_IP).n("network-ike-port", 500)
                    .s("client-auto-mode", "pull").s("client-iface", "virtual").n("network-mtu-size", 1380)
                    .n("client-addr-auto", 1).s("network-natt-mode", "enable").n("network-natt-port", 4500)
                    .n("network-natt-rate", 15).s("network-frag-mode", "disable").n("network-frag-size", 540)
                    .n("network-dpd-enable", 1).n("network-notify-enable", 1).n("client-banner-enable", 0)
                    .n("client-dns-used", 0).s("auth-method", method).s("phase1-exchange", exchange)
                    .s("phase1-cipher", "aes").n("phase1-keylen", 256).s("phase1-hash", "sha2-256")
                    .n("phase1-dhgroup", 14).n("phase1-life-secs", 86400).n("phase1-life-kbytes", 0)
                    .s("phase2-transform", "auto").n("phase2-keylen", 0).s("phase2-hmac", "auto")
                    .n("phase2-pfsgroup", -1).n("phase2-life-secs", 3600).n("phase2-life-kbytes", 0)
                    .s("ipcomp-transform", "disabled").s("policy-level", "auto").n("policy-nailed", 0)
                    .n("policy-list-auto", 1).s("client-saved-username", "alice");
        }

        /** {@link #lab} for the default gateway: Aggressive Mode, group {@code rwgroup} with its key, XAuth. */
        static VpnFile labPskXauth() {
            return lab("mutual-psk-xauth", "aggressive").s("ident-client-type", "keyid")
                    .s("ident-client-data", "rwgroup").s("ident-server-type", "any")
                    .b("auth-mutual-psk", "rwgroup-secret".getBytes(StandardCharsets.UTF_8));
        }

        VpnFile s(String key, String value) {
            lines.put(key, "s:" + key + ":" + value);
            return this;
        }

        VpnFile n(String key, long value) {
            lines.put(key, "n:" + key + ":" + value);
            return this;
        }

        VpnFile b(String key, byte[] value) {
            lines.put(key, "b:" + key + ":" + Base64.getEncoder().encodeToString(value));
            return this;
        }

        Path write(Path file) throws IOException {
            Files.writeString(file, String.join("\n", lines.values()) + "\n", StandardCharsets.UTF_8);
            return file;
        }
    }
}
