package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The installed package (.deb) against the lab gateway: its service started as systemd would (the
 * unit's {@code ExecStart}, default socket and state directories), and a member of the group the
 * package created connecting through it with {@code /usr/bin/roadwarrior}, without root.
 *
 * <p>Runs only when the system property {@code roadwarrior.installed} names the installed app
 * directory ({@code /opt/roadwarrior}); {@code installer/src/test/install-test.sh} sets it after
 * {@code dpkg -i}. The unit file is read from {@code roadwarrior.unit} (default
 * {@code /lib/systemd/system/roadwarrior.service}).
 */
@ExtendWith(LabExtension.class)
class InstalledPackageTest {

    private static final String GROUP = "roadwarrior";
    private static final String MEMBER = "rwpkg-member";
    private static final String PASSWORD = "alice-password";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Path SOCKET = Path.of("/run/roadwarrior/roadwarrior.sock");

    private HostUsers users;
    private Path netnsEtc;

    @BeforeAll
    static void installed() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("roadwarrior.installed") != null,
                "no installed package named (-Droadwarrior.installed=/opt/roadwarrior); skipped");
        LabExtension.assumeTools("useradd", "userdel", "getent", "setpriv", "ping");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (users != null) {
            users.close();
        }
        TestFiles.removeTrees(netnsEtc);
    }

    @Test
    void aGroupMemberConnectsThroughTheInstalledService(Lab lab) throws Exception {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        assertTrue(exitsZero("getent", "group", GROUP), "the package created group " + GROUP);
        users = HostUsers.create(GROUP, List.of(MEMBER), List.of());
        netnsEtc = Path.of("/etc/netns", lab.namespace(LabNode.CLIENT));
        Files.createDirectories(netnsEtc);
        byte[] originalResolv = "# lab client\nnameserver 192.0.2.53\n".getBytes(StandardCharsets.UTF_8);
        Files.write(netnsEtc.resolve("resolv.conf"), originalResolv);
        String profile = RoadwarriorClient.repo().resolve("src/test/resources/profiles/lab-psk-xauth.vpn").toString();
        cli(lab, "import", profile, "--name", "lab").orThrow();
        RoadwarriorConnectTest.HostSnapshot before = RoadwarriorConnectTest.HostSnapshot.take(lab);

        List<String> execStart = execStart();
        assertEquals(Path.of(System.getProperty("roadwarrior.installed"), "bin", "roadwarrior").toString(),
                execStart.get(0), "the unit runs the installed launcher");
        LabProcess service = lab.spawn(LabNode.CLIENT, "installed-service", Map.of(), execStart);
        Waits.until(Duration.ofSeconds(60), () -> Files.exists(SOCKET) || !service.isAlive(),
                () -> "the service listens on " + SOCKET + ":\n" + service.output());
        assertTrue(service.isAlive(), service.output());
        assertEquals("roadwarrior", Files.getAttribute(SOCKET, "posix:group").toString(), "socket group");

        List<String> connect = users.as(MEMBER, "/usr/bin/roadwarrior", "connect", "lab", "--password-stdin");
        ExecResult up = lab.exec(LabNode.CLIENT, TIMEOUT, env(), List.of("sh", "-c",
                "exec " + String.join(" ", connect) + " <<EOF\n" + PASSWORD + "\nEOF\n"));
        assertEquals(0, up.exitCode(), up.describe() + "\nservice:\n" + service.output() + "\ncharon:\n" + gateway.log());
        assertTrue(up.stdout().contains("through the Roadwarrior service") && up.stdout().contains("Tunnel up."),
                up.describe());
        lab.run(LabNode.CLIENT, "ping", "-c", "3", "-W", "2", Topology.PROTECTED_IP);
        assertTrue(cli(lab, "status").orThrow().stdout().contains("CONNECTED"));

        ExecResult down = cli(lab, "disconnect", "lab");
        assertEquals(0, down.exitCode(), down.describe() + "\nservice:\n" + service.output());
        lab.run(LabNode.CLIENT, "kill", "-TERM", Long.toString(service.pid()));
        assertTrue(service.waitFor(Duration.ofSeconds(30)), "the service stops on SIGTERM");
        assertEquals(0, service.exitCode().orElse(-1), service.output());
        assertEquals(before, RoadwarriorConnectTest.HostSnapshot.take(lab), "addresses, routes and links restored");
        assertArrayEquals(originalResolv, Files.readAllBytes(netnsEtc.resolve("resolv.conf")), "resolv.conf restored");
        assertFalse(Files.exists(SOCKET), "the socket is removed");
    }

    /** The unit's {@code ExecStart=} command, split into words (it holds no quoting). */
    private static List<String> execStart() throws IOException {
        Path unit = Path.of(System.getProperty("roadwarrior.unit", "/lib/systemd/system/roadwarrior.service"));
        return Files.readAllLines(unit).stream().filter(l -> l.startsWith("ExecStart="))
                .map(l -> Arrays.asList(l.substring("ExecStart=".length()).trim().split("\\s+")))
                .findFirst().orElseThrow(() -> new AssertionError("no ExecStart= in " + unit));
    }

    private ExecResult cli(Lab lab, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("/usr/bin/roadwarrior"));
        command.addAll(List.of(arguments));
        return lab.exec(LabNode.CLIENT, TIMEOUT, env(), users.as(MEMBER, command.toArray(String[]::new)));
    }

    private Map<String, String> env() {
        return Map.of("ROADWARRIOR_HOME", users.home(MEMBER).toString());
    }

    private static boolean exitsZero(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
