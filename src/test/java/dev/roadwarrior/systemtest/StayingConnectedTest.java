package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 5, "Staying connected": the real client keeps its tunnel through what homes, gateways
 * and networks do to it. A router that drops big datagrams, SA lifetimes running out on either
 * side, a gateway restart, packet loss while connecting, and a NAT mapping that changes.
 *
 * <p>Each test builds its own lab (the router rules and gateway restarts must not leak into the
 * next one), measures what the issue asks for (pings lost of sent, connect or recovery time),
 * prints it and publishes it with {@link TestReporter}, and asserts only the issue's thresholds.
 * Pings go ten a second ({@code ping -i 0.1}) to the protected host through the tunnel.
 */
@ExtendWith(LabExtension.class)
class StayingConnectedTest {

    private static final String PASSWORD = "alice-password";
    private static final int PINGS = 750; // 75 s at 10/s
    private static final int LOSSY_CONNECTS = 10;
    private static final Pattern IKE_UP = Pattern.compile("IKE_SA rw\\[\\d+\\] established");
    private static final Pattern CHILD_UP = Pattern.compile("CHILD_SA rw\\{\\d+\\} established");

    private RoadwarriorClient client;

    @BeforeAll
    static void tools() {
        LabExtension.assumeTools("ping");
    }

    @AfterEach
    void closeClient() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    /**
     * Mutual RSA + XAuth in Main Mode sends certificates (about 1 kB messages each way) through a
     * router that drops every UDP datagram over 576 bytes: only IKE fragments get through, the
     * same profile without fragmentation does not connect.
     */
    @Test
    void certificatesPassARouterThatDropsBigDatagramsOnlyInFragments(Lab lab, TestReporter reporter)
            throws IOException {
        LabExtension.assumeTools("openssl");
        GatewayCertificate certificate = TestPki.gatewayCertificate(lab);
        TestPki.Issued alice = TestPki.clientCertificate(lab, "alice");
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder()
                .aggressive(false).auth(GatewayConfig.Auth.RSA_XAUTH).certificate(certificate)
                .fragmentation(GatewayConfig.Fragmentation.YES).ikeFragmentSize(576).build());
        RouterControl.DropRule bigDatagrams = new RouterControl(lab).dropUdpLongerThan(576);
        client = new RoadwarriorClient(lab);
        RoadwarriorClient.VpnFile vpn = RoadwarriorClient.VpnFile.lab("mutual-rsa-xauth", "main")
                .s("ident-client-type", "asn1dn").s("ident-server-type", "any")
                .s("auth-server-cert-name", "ca.pem").b("auth-server-cert-data", read(certificate.caCertificate()))
                .s("auth-client-cert-name", "alice.pem").b("auth-client-cert-data", read(alice.certificate()))
                .s("auth-client-key-name", "alice.key").b("auth-client-key-data", read(alice.privateKey()))
                .s("network-frag-mode", "enable").n("network-frag-size", 540);

        long start = System.nanoTime();
        LabProcess connect = connect(gateway, vpn, "fragments");
        long connectMillis = millisSince(start);
        lab.run(LabNode.CLIENT, "ping", "-c", "3", "-W", "2", Topology.PROTECTED_IP);
        assertTrue(gateway.log().contains("received fragment #"), "the gateway reassembled our fragments");
        client.disconnect(connect);

        long droppedBefore = bigDatagrams.droppedPackets();
        vpn.s("network-frag-mode", "disable");
        client.importProfile(vpn.write(client.home().resolve("whole.vpn")), "whole");
        LabProcess whole = client.connect("whole", List.of("--password-stdin"), List.of(PASSWORD));
        whole.waitFor(Duration.ofSeconds(40)); // the client gives up on an unanswered message after ~31 s
        String output = whole.output();
        client.stopAll();
        long dropped = bigDatagrams.droppedPackets() - droppedBefore;
        assertFalse(output.contains("Tunnel up."), "without fragments the certificates cannot pass:\n" + output);
        assertTrue(dropped > 0, "the router dropped the unfragmented messages");

        report(reporter, "fragmentation", String.format(Locale.ROOT,
                "tunnel up after %d ms with 540-byte fragments; without them no tunnel in 40 s, %d big datagrams dropped",
                connectMillis, dropped));
    }

    /** Profile lifetimes of 25 s (phase 2) and 70 s (phase 1): the client renews both in time, 75 s of pings lose at most 1. */
    @Test
    void shortProfileLifetimesAreRenewedWithoutLosingTraffic(Lab lab, TestReporter reporter) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        client = new RoadwarriorClient(lab);
        LabProcess connect = connect(gateway, RoadwarriorClient.VpnFile.labPskXauth()
                .n("phase1-life-secs", 70).n("phase2-life-secs", 25), "lifetimes");
        int ikeBefore = count(IKE_UP, gateway.log());
        int childBefore = count(CHILD_UP, gateway.log());

        Pinger.Result pings = Pinger.tenPerSecond(lab, Topology.PROTECTED_IP, PINGS);
        int ikeRenewals = count(IKE_UP, gateway.log()) - ikeBefore;
        int childRenewals = count(CHILD_UP, gateway.log()) - childBefore;
        report(reporter, "profile lifetimes 25 s / 70 s", pings + "; " + ikeRenewals + " new IKE SAs, "
                + childRenewals + " new CHILD SAs in 75 s");

        assertTrue(connect.isAlive(), connect.output());
        assertTrue(childRenewals >= 2 && ikeRenewals >= 1, "phase 2 renewed at least twice, phase 1 at least once in "
                + "75 s (" + childRenewals + ", " + ikeRenewals + ")\n" + gateway.listSas());
        assertTrue(pings.lost() <= 1, pings.toString());
    }

    /**
     * A gateway whose lifetimes are shorter than the profile's (CHILD SA 20/25 s, IKE SA gone
     * after 40 + 10 s: charon cannot reauthenticate a road warrior and deletes it): at most 3 % of
     * 75 s of pings are lost.
     */
    @Test
    void aGatewayWithShorterLifetimesCostsAtMostThreePercent(Lab lab, TestReporter reporter) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder()
                .childRekeyTime(Duration.ofSeconds(20)).childLifeTime(Duration.ofSeconds(25))
                .ikeReauthTime(Duration.ofSeconds(40)).ikeOverTime(Duration.ofSeconds(10)).build());
        client = new RoadwarriorClient(lab);
        LabProcess connect = connect(gateway, RoadwarriorClient.VpnFile.labPskXauth(), "gateway-lifetimes");
        int ikeBefore = count(IKE_UP, gateway.log());

        Pinger.Result pings = Pinger.tenPerSecond(lab, Topology.PROTECTED_IP, PINGS);
        int ikeRenewals = count(IKE_UP, gateway.log()) - ikeBefore;
        report(reporter, "gateway lifetimes 20-25 s / 40-50 s", pings + "; " + ikeRenewals + " new IKE SAs in 75 s");

        assertTrue(connect.isAlive(), connect.output());
        assertTrue(ikeRenewals >= 1, "the gateway's IKE SA ran out and a new one was made:\n" + gateway.listSas());
        assertTrue(pings.lossPercent() <= 3.0, pings.toString());
    }

    /** The gateway stops cleanly for 5 s (SIGTERM: charon deletes its SAs on the way out) and comes back without any SA. */
    @Test
    void theTunnelComesBackAfterTheGatewayStopsFor5Seconds(Lab lab, TestReporter reporter) throws IOException {
        gatewayGoesAwayAndComesBack(lab, reporter, false);
    }

    /** The gateway is killed (SIGKILL: not a word to the client, only dead peer detection can tell) and restarted 5 s later. */
    @Test
    void theTunnelComesBackAfterTheGatewayIsKilledFor5Seconds(Lab lab, TestReporter reporter) throws IOException {
        gatewayGoesAwayAndComesBack(lab, reporter, true);
    }

    /** The restart scenarios: the client brings the tunnel back by itself within 90 s of charon's restart. */
    private void gatewayGoesAwayAndComesBack(Lab lab, TestReporter reporter, boolean kill) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        client = new RoadwarriorClient(lab);
        LabProcess connect = connect(gateway, RoadwarriorClient.VpnFile.labPskXauth(), "restart");
        lab.run(LabNode.CLIENT, "ping", "-c", "2", "-W", "2", Topology.PROTECTED_IP);

        long down = System.nanoTime();
        if (kill) {
            gateway.kill();
        } else {
            gateway.stop();
        }
        Waits.sleep(Duration.ofSeconds(5));
        gateway.start();
        long up = System.nanoTime();
        Optional<Duration> back = Pinger.firstAnswer(lab, Topology.PROTECTED_IP, Duration.ofSeconds(90),
                () -> !connect.isAlive());
        report(reporter, "gateway " + (kill ? "killed" : "stopped") + " for 5 s", back.map(d -> String.format(
                Locale.ROOT, "traffic flows again %.1f s after the restart (%.1f s after the gateway went away)",
                d.toMillis() / 1000.0, (up - down) / 1e9 + d.toMillis() / 1000.0)).orElse("no traffic within 90 s"));

        assertTrue(connect.isAlive(), "the client keeps going:\n" + connect.output());
        assertTrue(back.isPresent(), "the tunnel is back within 90 s of the restart:\n" + connect.output()
                + "\ncharon:\n" + gateway.log());
    }

    /**
     * 20 % of the UDP datagrams between client and gateway are lost while connecting: connected
     * within 60 s. A connect is about a dozen datagrams, so one connect may well lose none
     * (0.8^12 = 7 %): ten connects in a row, none of which may need a reconnect (a lost third
     * Aggressive Mode message is resent on the client's own timer until XAuth starts).
     */
    @Test
    void connectsThroughTwentyPercentPacketLoss(Lab lab, TestReporter reporter) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        RouterControl.DropRule loss = new RouterControl(lab).dropUdpAtRandom(0.2);
        client = new RoadwarriorClient(lab);
        client.importProfile(RoadwarriorClient.VpnFile.labPskXauth().write(client.home().resolve("lossy.vpn")), "lossy");

        List<String> figures = new ArrayList<>();
        long slowest = 0;
        for (int i = 1; i <= LOSSY_CONNECTS; i++) {
            long droppedBefore = loss.droppedPackets();
            long start = System.nanoTime();
            LabProcess connect = client.connect("lossy", List.of("--password-stdin"), List.of(PASSWORD));
            RoadwarriorClient.awaitTunnel(connect, gateway); // fails after 60 s
            long millis = millisSince(start);
            assertFalse(connect.output().contains("reconnecting"), "connect " + i + " needed no reconnect:\n"
                    + connect.output());
            slowest = Math.max(slowest, millis);
            figures.add(millis + " ms (" + (loss.droppedPackets() - droppedBefore) + " datagrams dropped)");
            if (i < LOSSY_CONNECTS) {
                client.disconnect(connect);
            }
        }
        loss.remove();
        // The gateway installs its SA when our last Quick Mode message arrives; if every copy of it was
        // lost, that happens only with the gateway's retransmission, seconds later.
        assertTrue(Pinger.firstAnswer(lab, Topology.PROTECTED_IP, Duration.ofSeconds(20), () -> false).isPresent(),
                "traffic flows through the tunnel once the loss stops");
        report(reporter, "20 % loss", "tunnel up after " + String.join(", ", figures) + " (JVM start included)");
        assertTrue(slowest <= 60_000, slowest + " ms");
    }

    /**
     * The home router moves to another public address and every flow gets a new NAT mapping; the
     * gateway keeps sending to the old one, which reaches no one. Traffic flows again within 60 s,
     * and the gateway then knows the client by its new address.
     */
    @Test
    void trafficFlowsAgainAfterTheRouterChangesItsPublicAddress(Lab lab, TestReporter reporter) throws IOException {
        LabExtension.assumeTools("conntrack");
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults());
        client = new RoadwarriorClient(lab);
        LabProcess connect = connect(gateway, RoadwarriorClient.VpnFile.labPskXauth(), "nat-change");
        lab.run(LabNode.CLIENT, "ping", "-c", "2", "-W", "2", Topology.PROTECTED_IP);
        assertTrue(gateway.listSas().contains("@ " + Topology.ROUTER_WAN_IP + "["), gateway.listSas());

        String flushed = new RouterControl(lab).movePublicAddress(Topology.ROUTER_WAN_IP_2);
        Optional<Duration> back = Pinger.firstAnswer(lab, Topology.PROTECTED_IP, Duration.ofSeconds(60),
                () -> !connect.isAlive());
        report(reporter, "new NAT mapping", back.map(d -> String.format(Locale.ROOT,
                "traffic flows again %.1f s after the router moved to %s", d.toMillis() / 1000.0,
                Topology.ROUTER_WAN_IP_2)).orElse("no traffic within 60 s") + " (" + flushed + ")");

        assertTrue(connect.isAlive(), "the client keeps going:\n" + connect.output());
        assertTrue(back.isPresent(), "traffic flows again within 60 s:\n" + connect.output() + "\nrouter's UDP flows:\n"
                + lab.exec(LabNode.ROUTER, "conntrack", "-L", "-p", "udp").stdout() + "\ncharon:\n" + gateway.log());
        String sas = gateway.listSas();
        assertTrue(sas.contains("@ " + Topology.ROUTER_WAN_IP_2 + "["), "the gateway talks to the new address:\n" + sas);
    }

    /** Imports {@code vpn} as {@code name}, connects with the XAuth password and waits (60 s at most) for the tunnel. */
    private LabProcess connect(StrongswanGateway gateway, RoadwarriorClient.VpnFile vpn, String name)
            throws IOException {
        client.importProfile(vpn.write(client.home().resolve(name + ".vpn")), name);
        LabProcess connect = client.connect(name, List.of("--password-stdin"), List.of(PASSWORD));
        RoadwarriorClient.awaitTunnel(connect, gateway);
        return connect;
    }

    private static void report(TestReporter reporter, String scenario, String figures) {
        reporter.publishEntry(scenario, figures);
        System.out.println("StayingConnectedTest: " + scenario + ": " + figures);
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static byte[] read(Path file) throws IOException {
        return Files.readAllBytes(file);
    }
}
