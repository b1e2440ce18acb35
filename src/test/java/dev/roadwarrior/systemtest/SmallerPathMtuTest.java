package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9, part 3: the router's outside link carries only 1280 bytes (PPPoE, mobile and tunnelled
 * uplinks are often below 1500). The client's own link says 1500, so its first large ESP packets
 * are too big: the router answers "fragmentation needed", the kernel learns the path MTU and
 * reports EMSGSIZE. The tunnel must stay up, learn the smaller MTU and carry a TCP transfer.
 */
@ExtendWith(LabExtension.class)
class SmallerPathMtuTest {

    private static final int PATH_MTU = 1280;

    private RoadwarriorClient client;

    @BeforeAll
    static void tools() {
        LabExtension.assumeTools("iperf3", "ping");
    }

    @AfterEach
    void closeClient() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aTcpTransferCompletesOverAPathOf1280Bytes(Lab lab, TestReporter reporter) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        for (LabNode node : List.of(LabNode.ROUTER, LabNode.GATEWAY)) { // both ends of the outside link
            lab.run(node, "ip", "link", "set", "dev", Topology.WAN_IF, "mtu", Integer.toString(PATH_MTU));
        }
        Iperf3.startServer(lab, LabNode.PROTECTED);
        client = new RoadwarriorClient(lab);
        client.importProfile(RoadwarriorClient.VpnFile.labPskXauth().write(client.home().resolve("lab.vpn")), "lab");
        LabProcess connect = client.connect("lab", List.of("--password-stdin", "--verbose"), // the log records: "the path ... carries"
                List.of("alice-password"));
        RoadwarriorClient.awaitTunnel(connect, gateway);

        // 1328-byte pings that may not be fragmented: the first big ESP packet teaches the kernel the
        // path MTU, after which the client answers "fragmentation needed" with the inner MTU itself
        ExecResult dontFragment = lab.exec(LabNode.CLIENT, Duration.ofSeconds(20), Map.of(),
                List.of("ping", "-c", "3", "-i", "0.5", "-W", "2", "-M", "do", "-s", "1300", Topology.PROTECTED_IP));
        Matcher told = Pattern.compile("Frag needed and DF set \\(mtu = (\\d+)\\)").matcher(dontFragment.stdout());
        assertTrue(told.find(), "ICMP fragmentation needed from the tunnel:\n" + dontFragment.describe());
        Iperf3.Result iperf = Iperf3.measureTcp(lab, LabNode.CLIENT, Topology.PROTECTED_IP, Duration.ofSeconds(5));
        String figures = String.format(Locale.ROOT, "iperf3 TCP through the tunnel over a %d-byte path: %.1f Mbit/s, "
                + "%d retransmits; inner MTU learned %s", PATH_MTU, iperf.receivedMbps(), iperf.retransmits(), told.group(1));
        reporter.publishEntry("path MTU 1280", figures);
        System.out.println("SmallerPathMtuTest: " + figures);

        assertTrue(iperf.receivedBitsPerSecond() > 1_000_000, "a reasonable rate: " + figures);
        assertTrue(connect.isAlive(), "the connection stays up:\n" + connect.output());
        assertFalse(connect.output().contains("A local network error"), connect.output());
        assertTrue(connect.output().contains("the path to the gateway carries " + PATH_MTU + " bytes"),
                "the client learned the path MTU:\n" + connect.output());
        lab.run(LabNode.CLIENT, "ping", "-c", "2", "-W", "2", "-M", "dont", "-s", "1300", Topology.PROTECTED_IP);
        client.disconnect(connect);
    }
}
