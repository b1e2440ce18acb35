package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.platform.PlatformException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeTest {

    @Test
    void everyKindRoundTripsThroughItsJournalLine() throws Exception {
        List<Change> changes = List.of(
                new Change.Tun("rw0"),
                new Change.Address("rw0", Ipv4Network.parseAddress("10.1.2.3"), 24),
                new Change.Route(Ipv4Network.parse("10.0.0.0/8"), Optional.empty(), "rw0"),
                new Change.Route(Ipv4Network.parse("198.51.100.7/32"), Optional.of(Ipv4Network.parseAddress("192.168.1.1")), "eth0"),
                new ResolvedDns("rw0"),
                Change.UnreachableIpv6.HALVES.get(1),
                new Change.NftTable("inet roadwarrior"),
                new ResolvconfDns("rw0"),
                new ResolvConfFile(Path.of("/etc/resolv.conf"), Path.of("/var/lib/roadwarrior/resolv.conf.orig")));
        for (Change c : changes) {
            assertEquals(c, Change.parse(c.journalLine()));
        }
        assertEquals("addr rw0 10.1.2.3/24", changes.get(1).journalLine());
        assertEquals("route 198.51.100.7/32 via 192.168.1.1 dev eth0", changes.get(3).journalLine());
        assertEquals("dns file /etc/resolv.conf /var/lib/roadwarrior/resolv.conf.orig", changes.get(8).journalLine());
        assertEquals("unreachable6 8000:0:0:0:0:0:0:0/1", changes.get(5).journalLine());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tun", "tun a b", "addr rw0 10.1.2.3", "addr rw0 10.1.2/24", "addr rw0 10.1.2.3/33",
        "route 10.0.0.0/8 rw0", "route 10.0.0.0/8 via 1.2.3.4 rw0", "route 10.0.0.0/40 dev rw0", "route 10.0.0.0 dev rw0",
        "dns", "dns resolved", "dns file /etc/resolv.conf", "dns other rw0", "tun a23456789012345678", "tun a/b", "bogus rw0",
        "addr rw0 10.1.2.3/x", "unreachable6", "unreachable6 10.0.0.0/1", "unreachable6 ::/129", "unreachable6 ::",
        "unreachable6 ::/1 dev lo", "unreachable6 example.com/1", "nft inet", "nft bridge x", "nft inet Bad;name"})
    void malformedLinesAreTypedErrors(String line) {
        PlatformException e = assertThrows(PlatformException.class, () -> Change.parse(line));
        assertEquals(PlatformException.Reason.JOURNAL_CORRUPT, e.reason());
    }

    @Test
    void namesAndPathsThatCannotBeJournaledAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Change.Tun("rw 0"));
        assertThrows(IllegalArgumentException.class, () -> new ResolvedDns("rw:0"));
        assertThrows(IllegalArgumentException.class, () -> new ResolvConfFile(Path.of("/tmp/a b"), Path.of("/tmp/c")));
    }
}
