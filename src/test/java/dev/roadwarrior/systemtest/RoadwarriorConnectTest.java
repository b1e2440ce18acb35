package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end: a {@code .vpn} profile is imported with the real
 * {@code ./roadwarrior}, {@code connect --foreground} runs in the client namespace behind the NAT
 * router against strongSwan (Aggressive Mode, group name as key ID, group password, XAuth,
 * Mode Config pull, NAT-T), traffic flows, and SIGINT leaves the client host exactly as it was.
 */
@ExtendWith(LabExtension.class)
class RoadwarriorConnectTest {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern VIRTUAL_IP = Pattern.compile("inet (10\\.88\\.0\\.\\d+)/");

    private Path home;
    private Path netnsEtc;

    @BeforeAll
    static void tools() {
        LabExtension.assumeTools("iperf3", "ping");
    }

    @AfterEach
    void cleanUp() throws IOException {
        TestFiles.removeTrees(netnsEtc, home);
    }

    @Test
    void connectsThroughNatCarriesTrafficAndRestoresTheHost(Lab lab, TestReporter reporter) throws Exception {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        Iperf3.startServer(lab, LabNode.PROTECTED);
        home = Files.createTempDirectory("rw-home");
        Map<String, String> env = Map.of("ROADWARRIOR_HOME", home.toString());
        // `ip netns exec` bind-mounts this file over /etc/resolv.conf: the client's DNS changes stay in the lab.
        netnsEtc = Path.of("/etc/netns", lab.namespace(LabNode.CLIENT));
        Files.createDirectories(netnsEtc);
        byte[] originalResolv = "# lab client\nnameserver 192.0.2.53\n".getBytes();
        Files.write(netnsEtc.resolve("resolv.conf"), originalResolv);

        String launcher = repo().resolve("roadwarrior").toString();
        String profile = repo().resolve("src/test/resources/profiles/lab-psk-xauth.vpn").toString();
        lab.exec(LabNode.CLIENT, Duration.ofSeconds(120), env, List.of(launcher, "import", profile, "--name", "lab"))
                .orThrow();
        HostSnapshot before = HostSnapshot.take(lab);

        long start = System.nanoTime();
        LabProcess client = lab.spawn(LabNode.CLIENT, "roadwarrior-connect", env, List.of("sh", "-c",
                "exec " + launcher + " connect lab --password-stdin --foreground <<EOF\nalice-password\nEOF\n"));
        Waits.until(CONNECT_TIMEOUT, () -> client.output().contains("Tunnel up.") || !client.isAlive(),
                () -> "tunnel up; output:\n" + client.output() + "\ncharon:\n" + gateway.log());
        long connectMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(client.isAlive(), client.output());

        String addresses = lab.run(LabNode.CLIENT, "ip", "-4", "addr").stdout();
        Matcher m = VIRTUAL_IP.matcher(addresses);
        assertTrue(m.find(), "virtual IP from the pool:\n" + addresses);
        String resolv = Files.readString(netnsEtc.resolve("resolv.conf"));
        assertTrue(resolv.contains("nameserver " + Topology.POOL_DNS), "DNS from Mode Config:\n" + resolv);
        lab.run(LabNode.CLIENT, "ping", "-c", "3", "-W", "2", Topology.PROTECTED_IP);
        lab.run(LabNode.PROTECTED, "ping", "-c", "1", "-W", "2", m.group(1));
        String sas = gateway.listSas();
        assertTrue(sas.contains("XAuth: 'alice' [" + m.group(1) + "]"), sas);
        assertTrue(sas.contains("INSTALLED, TUNNEL-in-UDP"), sas);

        Iperf3.Result iperf = Iperf3.measureTcp(lab, LabNode.CLIENT, Topology.PROTECTED_IP, Duration.ofSeconds(3));
        assertTrue(iperf.receivedBitsPerSecond() > 0, "iperf3 through the tunnel: " + iperf);
        String figures = String.format("roadwarrior connect %d ms (JVM start included), iperf3 TCP %.0f Mbit/s",
                connectMillis, iperf.receivedMbps());
        reporter.publishEntry("lab", figures);
        System.out.println("RoadwarriorConnectTest: " + figures);

        lab.run(LabNode.CLIENT, "kill", "-INT", Long.toString(client.pid()));
        assertTrue(client.waitFor(Duration.ofSeconds(30)), "client exits after SIGINT:\n" + client.output());
        assertEquals(0, client.exitCode().orElse(-1), client.output());
        assertTrue(client.output().contains("Disconnected."), client.output());

        assertEquals(before, HostSnapshot.take(lab), "addresses, routes and links restored");
        assertArrayEquals(originalResolv, Files.readAllBytes(netnsEtc.resolve("resolv.conf")), "resolv.conf restored");
        Waits.until(Duration.ofSeconds(20), () -> !gateway.listSas().contains("ESTABLISHED"),
                () -> "the gateway deleted the SAs:\n" + gateway.listSas());
    }

    private static Path repo() {
        return Path.of(System.getProperty("roadwarrior.repo", "../.."));
    }

    /** The client namespace's addresses, routes and links. */
    record HostSnapshot(String addresses, String routes, String links) {
        static HostSnapshot take(Lab lab) {
            return new HostSnapshot(lab.run(LabNode.CLIENT, "ip", "-4", "-o", "addr").stdout(),
                    lab.run(LabNode.CLIENT, "ip", "route").stdout(),
                    lab.run(LabNode.CLIENT, "ip", "-o", "link").stdout().replaceAll("\\\\.*", ""));
        }
    }
}
