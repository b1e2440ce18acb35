package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the lab with vpnc, a real IKEv1 client: aggressive mode, group PSK + XAuth, Mode Config
 * and NAT-T through the home router's MASQUERADE, userspace ESP on both ends.
 */
@ExtendWith(LabExtension.class)
class LabWithVpncTest {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern INBOUND_BYTES = Pattern.compile("\\bin\\s+\\w+,\\s+(\\d+) bytes");

    @BeforeAll
    static void tools() {
        LabExtension.assumeTools("vpnc", "iperf3", "ping");
    }

    @Test
    void vpncConnectsThroughNatAndCarriesTraffic(Lab lab, TestReporter reporter) {
        final GatewayConfig config = GatewayConfig.defaults();
        final StrongswanGateway gateway = StrongswanGateway.start(lab, config);
        Iperf3.startServer(lab, LabNode.PROTECTED);

        final VpncClient vpnc = VpncClient.start(lab, VpncClient.Settings.forGateway(config));
        final VpncTunnel tunnel = vpnc.awaitConnected(CONNECT_TIMEOUT);

        assertTrue(tunnel.virtualIp().startsWith("10.88.0."), "virtual IP from the pool: " + tunnel.virtualIp());
        assertEquals(List.of(Topology.POOL_DNS), tunnel.dns());
        assertEquals(List.of(Topology.PROTECTED_NET), tunnel.splitIncludes(), "local_ts pushed as Unity split include");

        lab.run(LabNode.CLIENT, "ping", "-c", "3", "-W", "2", Topology.PROTECTED_IP);
        // The protected host reaches the virtual IP only through the gateway's tunnel.
        lab.run(LabNode.PROTECTED, "ping", "-c", "1", "-W", "2", tunnel.virtualIp());

        final String sas = gateway.listSas();
        assertTrue(sas.contains("ESTABLISHED, IKEv1"), sas);
        assertTrue(sas.contains("remote 'rwgroup' @ " + Topology.ROUTER_WAN_IP + "[4500] XAuth: 'alice' ["
                + tunnel.virtualIp() + "]"), "client seen behind NAT on port 4500:\n" + sas);
        assertTrue(sas.contains("INSTALLED, TUNNEL-in-UDP"), "ESP in UDP (NAT-T):\n" + sas);
        assertTrue(gateway.log().contains("remote host is behind NAT"), "charon detected the NAT");

        final Iperf3.Result iperf = Iperf3.measureTcp(lab, LabNode.CLIENT, Topology.PROTECTED_IP, Duration.ofSeconds(3));
        assertTrue(iperf.receivedBitsPerSecond() > 1e6, "throughput " + iperf);
        assertTrue(inboundBytes(gateway.listSas()) > 1_000_000, "iperf3 data went through the CHILD SA");

        final String figures = String.format("vpnc connect %d ms, iperf3 TCP %.0f Mbit/s received (%d retransmits)",
                tunnel.connectTime().toMillis(), iperf.receivedMbps(), iperf.retransmits());
        reporter.publishEntry("lab", figures);
        System.out.println("LabWithVpncTest: " + figures);

        vpnc.disconnect();
        assertTrue(vpnc.disconnectScriptRan(), "vpnc ran its script with reason=disconnect");
        awaitNoSas(gateway);
    }

    @Test
    void fullTunnelWhenGatewayProtectsEverything(Lab lab) {
        final GatewayConfig config = GatewayConfig.defaults().toBuilder().localTs("0.0.0.0/0")
                .addXauthUser("bob", "bob-password").build();
        final StrongswanGateway gateway = StrongswanGateway.start(lab, config);

        final VpncTunnel tunnel = VpncClient.start(lab,
                VpncClient.Settings.forGateway(config).withUser("bob", "bob-password")).awaitConnected(CONNECT_TIMEOUT);
        assertTrue(gateway.listSas().contains("XAuth: 'bob'"), "any configured XAuth user is accepted");

        assertEquals(List.of(), tunnel.splitIncludes(), "strongSwan's unity plugin pushes no split for 0.0.0.0/0");
        final String route = lab.run(LabNode.CLIENT, "ip", "route", "get", Topology.PROTECTED_IP).stdout();
        assertTrue(route.contains("dev " + tunnel.device()), route);
        lab.run(LabNode.CLIENT, "ping", "-c", "2", "-W", "2", Topology.PROTECTED_IP);
    }

    @Test
    void wrongXauthPasswordIsRejected(Lab lab) {
        final GatewayConfig config = GatewayConfig.defaults();
        final StrongswanGateway gateway = StrongswanGateway.start(lab, config);

        final VpncClient vpnc = VpncClient.start(lab, VpncClient.Settings.forGateway(config).withPassword("wrong"));
        final Optional<Integer> exit = vpnc.awaitExit(CONNECT_TIMEOUT);

        assertTrue(exit.isPresent(), "vpnc gave up:\n" + vpnc.output());
        assertNotEquals(0, exit.get(), vpnc.output());
        assertFalse(vpnc.output().contains("VPNC started"), vpnc.output());
        assertTrue(gateway.log().contains("XAuth authentication of 'alice' failed"), "gateway rejected the password");
        awaitNoSas(gateway);
    }

    private static long inboundBytes(String sas) {
        final Matcher m = INBOUND_BYTES.matcher(sas);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static void awaitNoSas(StrongswanGateway gateway) {
        final long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (gateway.listSas().contains("ESTABLISHED") && System.nanoTime() < deadline) {
            Waits.sleep(Duration.ofMillis(100));
        }
        assertFalse(gateway.listSas().contains("ESTABLISHED"), gateway.listSas());
    }
}
