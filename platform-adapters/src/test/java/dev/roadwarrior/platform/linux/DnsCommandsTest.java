package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.platform.PlatformException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolvectl and resolvconf command lines, and which mechanism is chosen. */
class DnsCommandsTest {

    @TempDir
    Path temp;
    private final FakeCommandRunner runner = new FakeCommandRunner();

    private static TunnelConfig config(List<String> splitDns) {
        return new TunnelConfig(Ipv4Network.parseAddress("10.1.2.3"), 24, 1400, Ipv4Network.parseAddress("198.51.100.7"),
                List.of(), List.of(), List.of(Ipv4Network.parseAddress("10.0.0.53"), Ipv4Network.parseAddress("10.0.0.54")),
                List.of("corp.example"), splitDns);
    }

    @Test
    void resolvedSendsAllNamesToTheTunnelWithoutSplitDomains() throws Exception {
        new ResolvedDns("rw0").apply(config(List.of()), runner);
        assertEquals(List.of("resolvectl dns rw0 10.0.0.53 10.0.0.54", "resolvectl domain rw0 corp.example ~.",
                "resolvectl default-route rw0 yes"), runner.commands);
    }

    @Test
    void resolvedUsesRoutingDomainsForSplitDns() throws Exception {
        new ResolvedDns("rw0").apply(config(List.of("corp.example", "lab.example")), runner);
        assertEquals("resolvectl domain rw0 corp.example ~corp.example ~lab.example", runner.commands.get(1));
        new ResolvedDns("rw0").undo(runner);
        assertEquals("resolvectl revert rw0", runner.commands.get(2));
    }

    @Test
    void onlyResolvedRoutesNamesByDomain() {
        assertTrue(new ResolvedDns("rw0").routesByDomain());
        assertFalse(new ResolvconfDns("rw0").routesByDomain());
        assertFalse(new ResolvConfFile(temp.resolve("resolv.conf"), temp.resolve("orig")).routesByDomain());
    }

    @Test
    void resolvedFailureIsTypedButRevertOfAVanishedLinkIsFine() throws Exception {
        runner.exitCode = 1;
        PlatformException e = assertThrows(PlatformException.class, () -> new ResolvedDns("rw0").apply(config(List.of()), runner));
        assertEquals(PlatformException.Reason.DNS, e.reason());
        new ResolvedDns("rwnosuch9").undo(runner); // no such interface here: resolved has forgotten it
    }

    @Test
    void resolvconfAddsAndDeletesARecord() throws Exception {
        ResolvconfDns change = new ResolvconfDns("rw0");
        change.apply(config(List.of()), runner);
        change.undo(runner);
        assertEquals(List.of("resolvconf -a rw0.roadwarrior", "resolvconf -d rw0.roadwarrior"), runner.commands);
        assertEquals("nameserver 10.0.0.53\nnameserver 10.0.0.54\nsearch corp.example\n", runner.inputs.get(0));
        runner.exitCode = 1;
        assertThrows(PlatformException.class, () -> change.undo(runner));
    }

    @Test
    void detectPrefersResolvedThenResolvconfThenTheFile() throws Exception {
        Path resolvedDir = temp.resolve("run-resolve");
        Path resolvConf = temp.resolve("resolv.conf");
        Path state = temp.resolve("state");
        assertInstanceOf(ResolvConfFile.class, DnsConfigurator.detect(resolvConf, state, runner, resolvedDir).plan("rw0"));

        Path realResolvconf = Files.createFile(temp.resolve("resolvconf"));
        runner.installed.put("resolvconf", realResolvconf);
        assertInstanceOf(ResolvconfDns.class, DnsConfigurator.detect(resolvConf, state, runner, resolvedDir).plan("rw0"));

        Path resolvectl = Files.createFile(temp.resolve("resolvectl"));
        runner.installed.put("resolvectl", resolvectl);
        runner.installed.put("resolvconf", Files.createSymbolicLink(temp.resolve("resolvconf-shim"), resolvectl));
        assertInstanceOf(ResolvConfFile.class, DnsConfigurator.detect(resolvConf, state, runner, resolvedDir).plan("rw0"),
                "systemd's resolvconf shim does not count while resolved is down");

        Files.createDirectory(resolvedDir);
        assertEquals(new ResolvedDns("rw0"), DnsConfigurator.detect(resolvConf, state, runner, resolvedDir).plan("rw0"));
        assertEquals(new ResolvConfFile(resolvConf, state.resolve("resolv.conf.orig")),
                DnsConfigurator.resolvConfFile(resolvConf, state).plan("rw0"));
    }
}
