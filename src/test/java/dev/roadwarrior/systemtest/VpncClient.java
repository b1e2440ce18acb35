package dev.roadwarrior.systemtest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * vpnc, a real IKEv1 client (aggressive mode, group PSK + XAuth, Mode Config, NAT-T, userspace ESP
 * over TUN), run in the {@link LabNode#CLIENT} namespace to prove the lab gateway works.
 *
 * <p>vpnc runs in the foreground ({@code No Detach}) with a generated config file and the lab's
 * own script (resource {@code vpnc-script.sh}) instead of the Debian vpnc-script, which would
 * rewrite the host's {@code /etc/resolv.conf}. The script sets the tunnel address and routes and
 * writes what vpnc received to {@code <reason>.env}. Files live in {@code <lab log dir>/vpnc/};
 * vpnc's output is {@code vpnc.log} in the lab log dir.
 *
 * <p>Not thread-safe: drive one client from the test thread.
 */
public final class VpncClient implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);

    /**
     * How vpnc connects.
     *
     * @param gateway     gateway address
     * @param group       IPSec ID (group name)
     * @param groupSecret group pre-shared key
     * @param username    XAuth user name
     * @param password    XAuth password
     * @param debugLevel  vpnc {@code Debug} level (1 logs every ESP sequence number it accepts)
     */
    public record Settings(String gateway, String group, String groupSecret, String username, String password,
                           int debugLevel) {

        /** Settings that match {@code config}: its group and its first XAuth user. */
        public static Settings forGateway(GatewayConfig config) {
            final Map.Entry<String, String> user = config.xauthUsers().entrySet().iterator().next();
            return new Settings(Topology.GATEWAY_WAN_IP, config.group(), config.groupSecret(),
                    user.getKey(), user.getValue(), 1);
        }

        public Settings withPassword(String value) {
            return new Settings(gateway, group, groupSecret, username, value, debugLevel);
        }

        public Settings withUser(String name, String userPassword) {
            return new Settings(gateway, group, groupSecret, name, userPassword, debugLevel);
        }

        public Settings withGroupSecret(String value) {
            return new Settings(gateway, group, value, username, password, debugLevel);
        }

        String configFile(Path script, Path pidFile) {
            for (String value : List.of(gateway, group, groupSecret, username, password)) {
                if (value.contains("\n")) {
                    throw new IllegalArgumentException("vpnc values end at the line end");
                }
            }
            return String.join("\n",
                    "IPSec gateway " + gateway,
                    "IPSec ID " + group,
                    "IPSec secret " + groupSecret,
                    "Xauth username " + username,
                    "Xauth password " + password,
                    "NAT Traversal Mode natt",
                    "Perfect Forward Secrecy nopfs",
                    "No Detach",
                    "Debug " + debugLevel,
                    "Script " + script,
                    "Pidfile " + pidFile,
                    "");
        }

        @Override
        public String toString() {
            return "Settings[gateway=" + gateway + ", group=" + group + ", username=" + username + "]";
        }
    }

    private final Path dir;
    private final LabProcess process;
    private final long startNanos;

    private VpncClient(Path dir, LabProcess process, long startNanos) {
        this.dir = dir;
        this.process = process;
        this.startNanos = startNanos;
    }

    /** Writes the config and script and starts vpnc; does not wait for the tunnel. */
    public static VpncClient start(Lab lab, Settings settings) {
        final Path dir = lab.logDir().resolve("vpnc");
        final Path script = dir.resolve("vpnc-script.sh");
        final Path config = dir.resolve("vpnc.conf");
        try {
            Files.createDirectories(dir);
            try (InputStream in = VpncClient.class.getResourceAsStream("vpnc-script.sh")) {
                if (in == null) {
                    throw new LabException(LabException.Reason.IO, "resource vpnc-script.sh missing");
                }
                Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String reason : List.of("connect", "disconnect")) {
                Files.deleteIfExists(dir.resolve(reason + ".env"));
            }
            Files.writeString(config, settings.configFile(script, dir.resolve("vpnc.pid")), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot write vpnc files in " + dir, e);
        }
        final long start = System.nanoTime();
        final LabProcess process = lab.spawn(LabNode.CLIENT, "vpnc", Map.of("LAB_VPNC_DIR", dir.toString()),
                List.of("vpnc", "--non-inter", config.toString()));
        return new VpncClient(dir, process, start);
    }

    /**
     * Waits until vpnc's script has configured the tunnel.
     *
     * @throws LabException {@link LabException.Reason#NOT_READY} with vpnc's output when vpnc exits
     *                      first or the timeout passes
     */
    public VpncTunnel awaitConnected(Duration timeout) {
        final Path env = dir.resolve("connect.env");
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(env)) {
            if (!process.isAlive()) {
                throw new LabException(LabException.Reason.NOT_READY,
                        "vpnc exited with " + process.exitCode().orElse(-1) + ":\n" + output());
            }
            if (System.nanoTime() > deadline) {
                throw new LabException(LabException.Reason.NOT_READY,
                        "vpnc not connected within " + timeout + ":\n" + output());
            }
            Waits.sleep(POLL);
        }
        final Duration connectTime = Duration.ofNanos(System.nanoTime() - startNanos);
        final Map<String, String> vars = readEnv(env);
        final List<String> splits = new ArrayList<>();
        final int count = Integer.parseInt(vars.getOrDefault("CISCO_SPLIT_INC", "0"));
        for (int i = 0; i < count; i++) {
            splits.add(vars.get("CISCO_SPLIT_INC_" + i + "_ADDR") + "/" + vars.get("CISCO_SPLIT_INC_" + i + "_MASKLEN"));
        }
        final String dns = vars.getOrDefault("INTERNAL_IP4_DNS", "").trim();
        return new VpncTunnel(vars.get("TUNDEV"), vars.get("INTERNAL_IP4_ADDRESS"),
                dns.isEmpty() ? List.of() : Arrays.asList(dns.split("\\s+")), splits, connectTime, vars);
    }

    /**
     * Waits for vpnc to end by itself (e.g. after an authentication failure).
     *
     * @return its exit code, or empty if it still runs after the timeout
     */
    public Optional<Integer> awaitExit(Duration timeout) {
        process.waitFor(timeout);
        return process.exitCode();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** vpnc's output so far. */
    public String output() {
        return process.output();
    }

    /** Whether vpnc's script ran with {@code reason=disconnect}. */
    public boolean disconnectScriptRan() {
        return Files.exists(dir.resolve("disconnect.env"));
    }

    /** SIGTERM: vpnc deletes its SAs at the gateway, runs its script and exits (SIGKILL after 5 s). */
    public void disconnect() {
        process.stop(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        disconnect();
    }

    private static Map<String, String> readEnv(Path file) {
        final Map<String, String> vars = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                final int eq = line.indexOf('=');
                if (eq > 0) {
                    vars.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot read " + file, e);
        }
        return vars;
    }
}
