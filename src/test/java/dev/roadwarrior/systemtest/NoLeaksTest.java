package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 13, "No leaks": nothing passes beside the tunnel, proven by captures on the router that
 * look for escaping packets. A full tunnel blocks IPv6 on a dual-stack client; DNS goes to the
 * tunnel's server only. (The kill switch, which needs the service, is {@link KillSwitchTest}.)
 *
 * <p>The lab client edits a resolv.conf (no systemd-resolved in a namespace), which cannot route
 * names by domain: with split DNS every name goes to the tunnel's server too, and the client warns.
 * That resolved gets routing domains instead is checked by the platform's unit tests.
 */
@ExtendWith(LabExtension.class)
class NoLeaksTest {

    private static final String PASSWORD = "alice-password";
    private static final int TCP_PORT = 5201; // iperf3 -s on the gateway answers TCP on IPv4 and IPv6

    private RoadwarriorClient client;

    @BeforeAll
    static void tools() {
        LabExtension.assumeTools("ping", "tshark", "iperf3", "getent", "bash", "timeout");
    }

    @AfterEach
    void closeClient() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void aFullTunnelBlocksIpv6UntilDisconnected(Lab lab) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder()
                .localTs("0.0.0.0/0").build());
        lab.spawn(LabNode.GATEWAY, "iperf3-server", "iperf3", "-s", "-p", Integer.toString(TCP_PORT));
        Waits.until(Duration.ofSeconds(20), () -> tcpConnects(lab, Topology.GATEWAY_WAN_IP6),
                () -> "TCP over IPv6 to the gateway before connecting");
        lab.run(LabNode.CLIENT, "ping", "-6", "-c", "1", "-W", "2", Topology.GATEWAY_WAN_IP6);

        LabProcess running = connect(lab, RoadwarriorClient.VpnFile.labPskXauth(), gateway);
        Capture outside = Capture.start(lab, LabNode.ROUTER, Topology.WAN_IF, "ip6 and src host " + Topology.CLIENT_IP6,
                "router-wan-ipv6");
        ExecResult ping = lab.exec(LabNode.CLIENT, "ping", "-6", "-c", "2", "-W", "1", Topology.GATEWAY_WAN_IP6);
        boolean tcp = tcpConnects(lab, Topology.GATEWAY_WAN_IP6);
        String routes = lab.run(LabNode.CLIENT, "ip", "-6", "route").stdout();
        List<String> escaped = outside.stop();

        assertNotEquals(0, ping.exitCode(), "ping -6 beside the full tunnel must fail: " + ping.describe());
        assertFalse(tcp, "TCP over IPv6 beside the full tunnel must fail");
        assertTrue(routes.contains("unreachable ::/1") && routes.contains("unreachable 8000::/1"), routes);
        assertEquals(List.of(), escaped, "no IPv6 from the client on the router's outside (" + outside + ")");

        client.disconnect(running);
        lab.run(LabNode.CLIENT, "ping", "-6", "-c", "1", "-W", "2", Topology.GATEWAY_WAN_IP6);
        assertTrue(tcpConnects(lab, Topology.GATEWAY_WAN_IP6), "TCP over IPv6 works again after disconnecting");
        assertFalse(lab.run(LabNode.CLIENT, "ip", "-6", "route").stdout().contains("unreachable"));
    }

    @Test
    void aFullTunnelSendsEveryNameToTheTunnelsDnsServerOnly(Lab lab) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder()
                .localTs("0.0.0.0/0").build());
        client = new RoadwarriorClient(lab);
        assertTrue(routerSeesDnsWithoutTheTunnel(lab), "without the tunnel the query reaches the router: the capture sees DNS");

        LabProcess running = connect(lab, dnsProfile(), gateway);
        String resolv = Files.readString(Path.of("/etc/netns", lab.namespace(LabNode.CLIENT), "resolv.conf"));
        assertTrue(resolv.contains("nameserver " + Topology.POOL_DNS) && !resolv.contains("192.0.2.53"), resolv);
        Lookups seen = lookUp(lab, "anything.example.org", "dns",
                l -> l.contains(Topology.POOL_DNS) && l.contains("anything.example.org"));

        assertEquals(List.of(), seen.plaintext(), "no plaintext DNS on the router");
        assertTrue(seen.reachedTunnel(), "the query reached the tunnel's DNS server through the tunnel:\n"
                + seen.inTunnel() + "\nclient:\n" + running.output() + "\ncharon:\n" + gateway.log());
        client.disconnect(running);
    }

    @Test
    void splitDnsSendsTheGatewaysDomainThroughTheTunnelAndNothingLeaks(Lab lab) throws IOException {
        StrongswanGateway gateway = StrongswanGateway.start(lab, GatewayConfig.defaults().toBuilder()
                .poolAttribute("28675", "corp.example").build());
        client = new RoadwarriorClient(lab);
        LabProcess running = connect(lab, dnsProfile().n("client-splitdns-used", 1).n("client-splitdns-auto", 1),
                gateway);
        assertTrue(lab.run(LabNode.CLIENT, "ip", "route", "get", "198.51.100.1").stdout().contains("dev eth0"),
                "a split tunnel");
        Lookups seen = lookUp(lab, "intranet.corp.example", "split-dns", l -> l.contains("intranet.corp.example"));

        assertTrue(seen.reachedTunnel(), "the gateway's domain is resolved through the tunnel:\n" + seen.inTunnel()
                + "\nclient:\n" + running.output() + "\ncharon:\n" + gateway.log());
        assertTrue(seen.plaintext().stream().noneMatch(l -> l.contains("corp.example")),
                "no query for the gateway's domain on the router:\n" + seen.plaintext());
        assertTrue(running.output().contains("cannot route names by domain"),
                "resolv.conf cannot split names; the client says so:\n" + running.output());
        client.disconnect(running);
    }

    /** The lab profile taking DNS servers and the domain from the gateway. */
    private static RoadwarriorClient.VpnFile dnsProfile() {
        return RoadwarriorClient.VpnFile.labPskXauth().n("client-dns-used", 1).n("client-dns-auto", 1)
                .n("client-dns-suffix-auto", 1);
    }

    private LabProcess connect(Lab lab, RoadwarriorClient.VpnFile profile, StrongswanGateway gateway)
            throws IOException {
        if (client == null) {
            client = new RoadwarriorClient(lab);
        }
        client.importProfile(profile.write(client.home().resolve("lab.vpn")), "lab");
        LabProcess running = client.connect("lab", List.of("--password-stdin"), List.of(PASSWORD));
        RoadwarriorClient.awaitTunnel(running, gateway);
        return running;
    }

    /** What the captures saw of a lookup: on the router's outside, and decrypted on the gateway's tunnel device. */
    private record Lookups(List<String> plaintext, List<String> inTunnel, boolean reachedTunnel) {
    }

    /**
     * Looks {@code name} up while capturing on the router's outside and the gateway's tunnel device, in up to
     * three rounds until the tunnel capture shows a line matching {@code inTunnel} (a loaded machine may let the
     * first query go before a capture is writing); every round's router capture counts.
     */
    private static Lookups lookUp(Lab lab, String name, String label, Predicate<String> inTunnel) {
        List<String> plaintext = new ArrayList<>();
        List<String> tunnelLines = List.of();
        for (int round = 1; round <= 3; round++) {
            Capture router = Capture.start(lab, LabNode.ROUTER, Topology.LAN_IF, "port 53",
                    "router-lan-" + label + "-" + round);
            Capture tunnel = Capture.start(lab, LabNode.GATEWAY, "ipsec0", "udp port 53",
                    "gateway-tunnel-" + label + "-" + round);
            resolve(lab, name);
            tunnelLines = tunnel.stop();
            plaintext.addAll(router.stop());
            if (tunnelLines.stream().anyMatch(inTunnel)) {
                return new Lookups(plaintext, tunnelLines, true);
            }
        }
        return new Lookups(plaintext, tunnelLines, false);
    }

    /**
     * The control for the captures: before connecting, a lookup reaches the router (in up to three rounds, as
     * in {@link #lookUp}: a loaded machine may let the first query go before the capture is writing).
     */
    private static boolean routerSeesDnsWithoutTheTunnel(Lab lab) {
        for (int round = 1; round <= 3; round++) {
            Capture before = Capture.start(lab, LabNode.ROUTER, Topology.LAN_IF, "port 53", "router-lan-dns-before-" + round);
            resolve(lab, "before.example.org");
            if (!before.stop().isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Looks {@code name} up as programs do (glibc, the namespace's resolv.conf); nothing answers, so it times out. */
    private static void resolve(Lab lab, String name) {
        lab.exec(LabNode.CLIENT, Duration.ofSeconds(10), Map.of(), List.of("timeout", "3", "getent", "hosts", name));
    }

    /** Whether a TCP connection to {@code address} port {@link #TCP_PORT} opens within 3 s. */
    static boolean tcpConnects(Lab lab, String address) {
        return lab.exec(LabNode.CLIENT, Duration.ofSeconds(10), Map.of(), List.of("timeout", "3", "bash", "-c",
                "exec 3<>/dev/tcp/" + address + "/" + TCP_PORT)).exitCode() == 0;
    }
}
