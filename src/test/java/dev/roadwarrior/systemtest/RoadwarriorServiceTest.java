package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The privileged service ({@code roadwarrior daemon}) in the client namespace with unprivileged
 * clients: a member of group {@code roadwarrior} connects, sees status with counters and
 * disconnects; anyone else is refused in words, by the socket's permissions and by the
 * service's own credential check; a stop with the tunnel up restores the host; and after
 * {@code kill -9} of the service with a tunnel up, a restart leaves no address, route, DNS entry
 * or TUN device behind. The service's log never holds a secret.
 */
@ExtendWith(LabExtension.class)
class RoadwarriorServiceTest {

    private static final String GROUP = "roadwarrior";
    private static final String MEMBER = "rwtest-member";
    private static final String OUTSIDER = "rwtest-outsider";
    private static final String PASSWORD = "alice-password";
    private static final String GROUP_PASSWORD = "rwgroup-secret";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STARTED = "INFO Daemon: Roadwarrior service";

    private HostUsers users;
    private Path runtime;
    private Path netnsEtc;
    private byte[] originalResolv;
    private int starts;

    @BeforeAll
    static void tools() {
        LabExtension.assumeTools("useradd", "userdel", "groupadd", "groupdel", "getent", "setpriv", "ping");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (users != null) {
            users.close();
        }
        TestFiles.removeTrees(runtime, netnsEtc);
    }

    @Test
    void aGroupMemberConnectsThroughTheServiceAndSeesCounters(Lab lab, TestReporter reporter) throws Exception {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        prepare(lab);
        importProfile(lab, MEMBER);
        RoadwarriorConnectTest.HostSnapshot before = RoadwarriorConnectTest.HostSnapshot.take(lab);
        LabProcess service = startService(lab);

        ExecResult up = connect(lab, MEMBER);
        assertEquals(0, up.exitCode(), up.describe() + "\nservice:\n" + service.output() + "\ncharon:\n" + gateway.log());
        assertTrue(up.stdout().contains("through the Roadwarrior service") && up.stdout().contains("Tunnel up."),
                up.describe());
        String resolv = Files.readString(netnsEtc.resolve("resolv.conf"));
        assertTrue(resolv.contains("nameserver " + Topology.POOL_DNS), "DNS from Mode Config:\n" + resolv);
        lab.run(LabNode.CLIENT, "ping", "-c", "3", "-W", "2", Topology.PROTECTED_IP);

        ExecResult status = cli(lab, MEMBER, "status", "--json").orThrow();
        JsonNode s = JSON.readTree(status.stdout());
        assertEquals("CONNECTED", s.path("state").asText(), status.stdout());
        assertEquals("lab", s.path("connection").asText(), status.stdout());
        assertEquals(Topology.GATEWAY_WAN_IP, s.path("gateway").asText(), status.stdout());
        assertTrue(s.path("virtualAddress").asText().startsWith("10.88.0."), status.stdout());
        assertTrue(s.path("algorithms").asText().contains("ESP"), status.stdout());
        assertTrue(s.path("packetsOut").asLong() >= 3 && s.path("bytesOut").asLong() >= 3 * 84, status.stdout());
        assertTrue(s.path("packetsIn").asLong() >= 3 && s.path("bytesIn").asLong() >= 3 * 84, status.stdout());
        assertTrue(s.path("natTraversal").asBoolean(), "ESP travels in UDP: " + status.stdout());
        assertTrue(s.has("deadPeerDetection"), status.stdout());
        String text = cli(lab, MEMBER, "status").orThrow().stdout();
        assertTrue(text.startsWith("lab: CONNECTED (gateway " + Topology.GATEWAY_WAN_IP + ")"), text);
        String figures = String.format("connect through the service %d ms (client JVM start included); status: %s",
                up.elapsed().toMillis(), status.stdout().replaceAll("\\s+", " "));
        reporter.publishEntry("lab", figures);
        System.out.println("RoadwarriorServiceTest: " + figures);

        ExecResult down = cli(lab, MEMBER, "disconnect", "lab");
        assertEquals(0, down.exitCode(), down.describe() + "\nservice:\n" + service.output());
        assertTrue(down.stdout().contains("Disconnected."), down.describe());
        assertEquals("DISCONNECTED", JSON.readTree(cli(lab, MEMBER, "status", "--json").orThrow().stdout())
                .path("state").asText());
        assertEquals(before, RoadwarriorConnectTest.HostSnapshot.take(lab), "addresses, routes and links restored");
        assertArrayEquals(originalResolv, Files.readAllBytes(netnsEtc.resolve("resolv.conf")), "resolv.conf restored");

        lab.run(LabNode.CLIENT, "kill", "-TERM", Long.toString(service.pid()));
        assertTrue(service.waitFor(Duration.ofSeconds(30)), "the service stops on SIGTERM");
        assertEquals(0, service.exitCode().orElse(-1), service.output());
        assertFalse(Files.exists(runtime.resolve("roadwarrior.sock")), "the socket is removed");
        String log = service.output();
        assertTrue(log.contains("INFO DaemonCore: lab: tunnel up"), log);
        for (String secret : List.of(PASSWORD, GROUP_PASSWORD, base64(PASSWORD), base64(GROUP_PASSWORD))) {
            assertFalse(log.contains(secret), "the service's log holds a secret:\n" + log);
        }
    }

    @Test
    void someoneOutsideTheGroupIsRefusedInWords(Lab lab) throws Exception {
        prepare(lab);
        LabProcess service = startService(lab);

        ExecResult byPermission = cli(lab, OUTSIDER, "status");
        assertRefused(byPermission);
        assertRefused(cli(lab, OUTSIDER, "connect", "lab"));

        // With the socket opened to everyone, the service's own credential check still refuses.
        Files.setPosixFilePermissions(runtime.resolve("roadwarrior.sock"), PosixFilePermissions.fromString("rw-rw-rw-"));
        ExecResult byService = cli(lab, OUTSIDER, "status");
        assertRefused(byService);
        int uid = users.uid(OUTSIDER);
        Waits.until(Duration.ofSeconds(5), () -> service.output().contains("refused uid " + uid),
                () -> "the service logs the refusal:\n" + service.output());

        ExecResult member = cli(lab, MEMBER, "status");
        assertEquals(0, member.exitCode(), member.describe());
        assertTrue(member.stdout().contains("Not connected."), member.describe());
    }

    @Test
    void aKilledServiceLeavesNothingBehindOnceRestarted(Lab lab) throws Exception {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        prepare(lab);
        importProfile(lab, MEMBER);
        RoadwarriorConnectTest.HostSnapshot before = RoadwarriorConnectTest.HostSnapshot.take(lab);
        LabProcess service = startService(lab);
        ExecResult up = connect(lab, MEMBER);
        assertEquals(0, up.exitCode(), up.describe() + "\nservice:\n" + service.output() + "\ncharon:\n" + gateway.log());
        String addresses = lab.run(LabNode.CLIENT, "ip", "-4", "-o", "addr").stdout();
        assertTrue(addresses.matches("(?s).*\\d+: rw\\d+ +inet 10\\.88\\.0\\.\\d+/.*"), addresses);

        service.kill();
        assertTrue(Files.exists(runtime.resolve("host/journal")), "the journal of host changes survives the kill");
        assertNotEquals(new String(originalResolv, StandardCharsets.UTF_8),
                Files.readString(netnsEtc.resolve("resolv.conf")), "the killed service left its DNS entry");

        LabProcess restarted = startService(lab);
        assertEquals(before, RoadwarriorConnectTest.HostSnapshot.take(lab), "addresses, routes and links restored");
        assertArrayEquals(originalResolv, Files.readAllBytes(netnsEtc.resolve("resolv.conf")), "resolv.conf restored");
        String links = lab.run(LabNode.CLIENT, "ip", "-o", "link").stdout();
        assertFalse(links.matches("(?s).*\\d+: rw\\d+.*"), "no TUN device left:\n" + links);
        assertFalse(lab.run(LabNode.CLIENT, "ip", "-4", "-o", "addr").stdout().contains("10.88."), "no virtual IP left");
        assertFalse(Files.exists(runtime.resolve("host/journal")), "the journal is done with");
        assertTrue(restarted.output().contains("recovered: "), restarted.output());
        assertEquals("DISCONNECTED", JSON.readTree(cli(lab, MEMBER, "status", "--json").orThrow().stdout())
                .path("state").asText());
    }

    @Test
    void aStopWithTheTunnelUpRestoresTheHost(Lab lab) throws Exception {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        prepare(lab);
        importProfile(lab, MEMBER);
        RoadwarriorConnectTest.HostSnapshot before = RoadwarriorConnectTest.HostSnapshot.take(lab);
        LabProcess service = startService(lab);
        ExecResult up = connect(lab, MEMBER);
        assertEquals(0, up.exitCode(), up.describe() + "\nservice:\n" + service.output() + "\ncharon:\n" + gateway.log());

        lab.run(LabNode.CLIENT, "kill", "-TERM", Long.toString(service.pid()));
        assertTrue(service.waitFor(Duration.ofSeconds(30)), "the service stops on SIGTERM");
        assertEquals(0, service.exitCode().orElse(-1), service.output());
        assertTrue(service.output().contains("lab: disconnected"), service.output());
        assertEquals(before, RoadwarriorConnectTest.HostSnapshot.take(lab), "addresses, routes and links restored");
        assertArrayEquals(originalResolv, Files.readAllBytes(netnsEtc.resolve("resolv.conf")), "resolv.conf restored");
        assertFalse(Files.exists(runtime.resolve("host/journal")), "nothing left to recover");
        Waits.until(Duration.ofSeconds(20), () -> !gateway.listSas().contains("ESTABLISHED"),
                () -> "the gateway deleted the SAs:\n" + gateway.listSas());
    }

    /** Users, the service's runtime directory, and the client namespace's own resolv.conf. */
    private void prepare(Lab lab) throws IOException {
        users = HostUsers.create(GROUP, List.of(MEMBER), List.of(OUTSIDER));
        runtime = Files.createTempDirectory(Path.of("/tmp"), "rwd", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwxr-xr-x"));
        // `ip netns exec` bind-mounts this file over /etc/resolv.conf: the service's DNS changes stay in the lab.
        netnsEtc = Path.of("/etc/netns", lab.namespace(LabNode.CLIENT));
        Files.createDirectories(netnsEtc);
        originalResolv = "# lab client\nnameserver 192.0.2.53\n".getBytes(StandardCharsets.UTF_8);
        Files.write(netnsEtc.resolve("resolv.conf"), originalResolv);
    }

    /** Starts the service and waits until it listens (its log, appended to by each start, says so once more). */
    private LabProcess startService(Lab lab) {
        starts++;
        LabProcess service = lab.spawn(LabNode.CLIENT, "roadwarrior-daemon",
                Map.of("ROADWARRIOR_RUNTIME_DIR", runtime.toString()),
                List.of(launcher(), "daemon", "--log-level", "debug"));
        Waits.until(Duration.ofSeconds(60), () -> service.output().split(STARTED, -1).length > starts
                || !service.isAlive(), () -> "the service starts:\n" + service.output());
        assertTrue(service.isAlive(), service.output());
        return service;
    }

    private void importProfile(Lab lab, String user) throws IOException {
        String profile = repo().resolve("src/test/resources/profiles/lab-psk-xauth.vpn").toString();
        cli(lab, user, "import", profile, "--name", "lab").orThrow();
    }

    /** {@code connect lab} as {@code user}, the XAuth password on standard input. */
    private ExecResult connect(Lab lab, String user) throws IOException {
        List<String> command = users.as(user, launcher(), "connect", "lab", "--password-stdin");
        return lab.exec(LabNode.CLIENT, TIMEOUT, env(user), List.of("sh", "-c",
                "exec " + String.join(" ", command) + " <<EOF\n" + PASSWORD + "\nEOF\n"));
    }

    private ExecResult cli(Lab lab, String user, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher()));
        command.addAll(List.of(arguments));
        return lab.exec(LabNode.CLIENT, TIMEOUT, env(user), users.as(user, command.toArray(String[]::new)));
    }

    private Map<String, String> env(String user) {
        return Map.of("ROADWARRIOR_RUNTIME_DIR", runtime.toString(), "ROADWARRIOR_HOME", users.home(user).toString());
    }

    private static void assertRefused(ExecResult r) {
        assertEquals(1, r.exitCode(), r.describe());
        assertTrue(r.stderr().contains("not allowed to use the Roadwarrior service"), r.describe());
        assertTrue(r.stderr().contains("usermod -aG roadwarrior " + OUTSIDER), r.describe());
        assertFalse(r.stderr().contains("Exception"), "no stack trace: " + r.describe());
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String launcher() {
        return repo().resolve("roadwarrior").toString();
    }

    private static Path repo() {
        return Path.of(System.getProperty("roadwarrior.repo", "../.."));
    }
}
