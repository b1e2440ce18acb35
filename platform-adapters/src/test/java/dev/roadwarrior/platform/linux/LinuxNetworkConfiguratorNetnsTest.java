package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.engine.spi.TunDevice;
import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.platform.PlatformException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configurator against a real kernel, inside a throw-away namespace with an uplink
 * (veth0 10.200.0.2/24, default via 10.200.0.1). DNS edits a temporary resolv.conf. Needs root.
 */
class LinuxNetworkConfiguratorNetnsTest {

    private static final byte[] ORIGINAL_RESOLV = "# original\nnameserver 192.0.2.53\nsearch home.example\noptions edns0\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;
    private Path stateDir;
    private Path resolvConf;
    private Netns ns;
    private LinuxNetworkConfigurator configurator;
    private TunDevice tun;

    @BeforeEach
    void setUp() throws Exception {
        ns = Netns.create();
        ns.addUplink();
        stateDir = temp.resolve("state");
        resolvConf = temp.resolve("resolv.conf");
        Files.write(resolvConf, ORIGINAL_RESOLV);
        configurator = newConfigurator();
    }

    private LinuxNetworkConfigurator newConfigurator() {
        return new LinuxNetworkConfigurator(stateDir, DnsConfigurator.resolvConfFile(resolvConf, stateDir),
                CommandRunner.system());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tun != null) {
            tun.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    private static TunnelConfig config(List<String> include, List<String> exclude) {
        return new TunnelConfig(Ipv4Network.parseAddress("10.1.2.3"), 24, 1400, Ipv4Network.parseAddress("198.51.100.7"),
                include.stream().map(Ipv4Network::parse).collect(Collectors.toList()),
                exclude.stream().map(Ipv4Network::parse).collect(Collectors.toList()),
                List.of(Ipv4Network.parseAddress("10.0.0.53")), List.of("corp.example"), List.of());
    }

    private void openAndApply(TunnelConfig config) throws Exception {
        tun = ns.thread.call(() -> configurator.openTun("rw", 1400));
        ns.thread.run(() -> configurator.apply(tun, config));
    }

    private String routes() throws Exception {
        return ns.ip("-4", "route", "show", "table", "main");
    }

    @Test
    void splitTunnelIsAppliedAndReverted() throws Exception {
        Object inode = Files.getAttribute(resolvConf, "unix:ino");
        openAndApply(config(List.of("10.0.0.0/8", "172.16.0.0/12"), List.of()));

        assertTrue(ns.ip("-4", "addr", "show", "dev", "rw0").contains("inet 10.1.2.3/24"));
        String routes = routes();
        assertTrue(routes.contains("10.0.0.0/8 dev rw0 proto static scope link"), routes);
        assertTrue(routes.contains("172.16.0.0/12 dev rw0 proto static scope link"), routes);
        assertFalse(routes.contains("198.51.100.7"), "no gateway route in split mode: " + routes);
        assertTrue(routes.contains("default via 10.200.0.1 dev veth0"), routes);
        assertFalse(ns.ip("-6", "route", "show", "table", "main").contains("unreachable"), "a split tunnel leaves IPv6 alone");
        String resolv = Files.readString(resolvConf);
        assertTrue(resolv.startsWith(ResolvConfFile.HEADER + "nameserver 10.0.0.53\nsearch corp.example\noptions edns0\n"), resolv);
        assertEquals(List.of("tun rw0", "addr rw0 10.1.2.3/24", "route 10.0.0.0/8 dev rw0", "route 172.16.0.0/12 dev rw0",
                "dns file " + resolvConf + " " + stateDir.resolve("resolv.conf.orig")), journal());

        ns.thread.run(configurator::revert);
        assertNotEquals(0, ns.tryIp("link", "show", "rw0").code(), "TUN device must be gone");
        assertFalse(routes().contains("10.0.0.0/8"));
        assertArrayEquals(ORIGINAL_RESOLV, Files.readAllBytes(resolvConf));
        assertEquals(inode, Files.getAttribute(resolvConf, "unix:ino"));
        assertFalse(Files.exists(stateDir.resolve("journal")));
        assertFalse(Files.exists(stateDir.resolve("resolv.conf.orig")));
        ns.thread.run(configurator::revert); // idempotent
    }

    /** A route into our own device that is already there (the same network twice) counts as installed. */
    @Test
    void aRouteAlreadyLeadingIntoTheTunnelIsInstalled() throws Exception {
        openAndApply(config(List.of("10.0.0.0/8", "10.0.0.0/8"), List.of()));
        assertEquals(1, routes().lines().filter(l -> l.startsWith("10.0.0.0/8 dev rw0")).count(), routes());
        assertEquals(1, journal().stream().filter(l -> l.equals("route 10.0.0.0/8 dev rw0")).count(), journal().toString());
        ns.thread.run(configurator::revert);
        assertFalse(routes().contains("10.0.0.0/8"));
    }

    @Test
    void splitTunnelCoveringTheGatewayStillReachesItOverTheUplink() throws Exception {
        openAndApply(config(List.of("198.51.100.0/24"), List.of()));
        String routes = routes();
        assertTrue(routes.contains("198.51.100.7 via 10.200.0.1 dev veth0 proto static"), routes);
        assertTrue(routes.contains("198.51.100.0/24 dev rw0 proto static scope link"), routes);
        ns.thread.run(configurator::revert);
        assertFalse(routes().contains("198.51.100"));
    }

    @Test
    void fullTunnelKeepsTheGatewayAndExcludesOnTheOriginalPath() throws Exception {
        String before = routes();
        openAndApply(config(List.of(), List.of("203.0.113.0/24", "10.200.0.0/24")));

        String routes = routes();
        assertTrue(routes.contains("198.51.100.7 via 10.200.0.1 dev veth0 proto static"), routes);
        assertTrue(routes.contains("203.0.113.0/24 via 10.200.0.1 dev veth0 proto static"), routes);
        assertTrue(routes.contains("0.0.0.0/1 dev rw0 proto static scope link"), routes);
        assertTrue(routes.contains("128.0.0.0/1 dev rw0 proto static scope link"), routes);
        assertTrue(routes.contains("default via 10.200.0.1 dev veth0"), routes);
        assertEquals(1, routes.lines().filter(l -> l.startsWith("10.200.0.0/24")).count(),
                "the uplink's own connected route is left alone: " + routes);
        assertTrue(ns.ip("route", "get", "192.0.2.1").contains("dev rw0"));
        assertTrue(ns.ip("route", "get", "198.51.100.7").contains("via 10.200.0.1 dev veth0"));
        assertFalse(journal().contains("route 10.200.0.0/24 dev veth0"), "an existing route is not ours to undo");
        String ipv6 = ns.ip("-6", "route", "show", "table", "main");
        assertTrue(ipv6.contains("unreachable ::/1 dev lo proto static") && ipv6.contains("unreachable 8000::/1 dev lo proto static"),
                "global IPv6 is blocked beside an IPv4-only full tunnel: " + ipv6);
        assertTrue(journal().contains("unreachable6 8000:0:0:0:0:0:0:0/1"), journal().toString());

        ns.thread.run(configurator::revert);
        assertEquals(before, routes(), "routes over the uplink must be removed too");
        assertFalse(ns.ip("-6", "route", "show", "table", "main").contains("unreachable"), "IPv6 is unblocked");
    }

    @Test
    void failedApplyUndoesItsStepsAndKeepsTheTun() throws Exception {
        tun = ns.thread.call(() -> configurator.openTun("rw", 1400));
        String before = routes();
        // 10.200.0.0/24 clashes with the uplink's connected route (another device): the last route fails
        TunnelConfig clash = config(List.of("10.0.0.0/8", "10.200.0.0/24"), List.of("203.0.113.0/24"));
        PlatformException e = assertThrows(PlatformException.class, () -> ns.thread.run(() -> configurator.apply(tun, clash)));
        assertEquals(PlatformException.Reason.ROUTE, e.reason());

        assertEquals(before, routes());
        assertFalse(ns.ip("-4", "addr", "show", "dev", "rw0").contains("10.1.2.3"));
        assertArrayEquals(ORIGINAL_RESOLV, Files.readAllBytes(resolvConf));
        assertEquals(List.of("tun rw0"), journal());

        ns.thread.run(() -> configurator.apply(tun, config(List.of("10.0.0.0/8"), List.of())));
        assertTrue(routes().contains("10.0.0.0/8 dev rw0"));
        ns.thread.run(configurator::revert);
    }

    @Test
    void recoverLeftoversUndoesWhatADeadInstanceLeft() throws Exception {
        String before = routes();
        openAndApply(config(List.of(), List.of("203.0.113.0/24")));
        // the "crash": this instance is dropped without revert; its device and changes stay
        LinuxNetworkConfigurator next = newConfigurator();
        PlatformException refused = assertThrows(PlatformException.class, () -> ns.thread.call(() -> next.openTun("rw", 1400)));
        assertEquals(PlatformException.Reason.LEFTOVER_STATE, refused.reason());

        ns.thread.run(next::recoverLeftovers);
        assertNotEquals(0, ns.tryIp("link", "show", "rw0").code(), "leftover TUN device must be deleted");
        assertEquals(before, routes());
        assertFalse(ns.ip("-6", "route", "show", "table", "main").contains("unreachable"), "the IPv6 block is recovered");
        assertArrayEquals(ORIGINAL_RESOLV, Files.readAllBytes(resolvConf));
        assertFalse(Files.exists(stateDir.resolve("journal")));

        ns.thread.run(next::recoverLeftovers); // nothing left: a no-op
        TunDevice again = ns.thread.call(() -> next.openTun("rw", 1400));
        ns.thread.run(next::revert);
        assertTrue(((LinuxTunDevice) again).isClosed());
    }

    @Test
    void applyRejectsAForeignDevice() throws Exception {
        try (LinuxTunDevice foreign = ns.thread.call(() -> LinuxTunDevice.open("xx", 1400))) {
            assertThrows(IllegalArgumentException.class, () -> configurator.apply(foreign, config(List.of(), List.of())));
        }
    }

    private List<String> journal() throws Exception {
        try (Stream<String> lines = Files.lines(stateDir.resolve("journal"))) {
            return lines.collect(Collectors.toList());
        }
    }
}
