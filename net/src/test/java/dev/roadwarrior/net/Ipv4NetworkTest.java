package dev.roadwarrior.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing, masks and containment of {@link Ipv4Network}. */
class Ipv4NetworkTest {

    @Test
    void parsesAndKeepsHostBits() {
        Ipv4Network n = Ipv4Network.parse("10.2.1.13/24");
        assertEquals("10.2.1.13/24", n.toString());
        assertEquals("10.2.1.0", n.networkAddress().getHostAddress());
        assertEquals("255.255.255.0", n.netmask().getHostAddress());
        assertEquals(n, Ipv4Network.ofMask(Ipv4Network.tryParseAddress("10.2.1.13").orElseThrow(),
                Ipv4Network.tryParseAddress("255.255.255.0").orElseThrow()));
    }

    @Test
    void rejectsWhatIsNotAnAddressOrMask() {
        for (String bad : List.of("", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.-4", "a.b.c.d", "1.2.3.4 5", "0x1.2.3.4")) {
            assertEquals(Optional.empty(), Ipv4Network.tryParseAddress(bad), bad);
        }
        assertEquals(Optional.empty(), Ipv4Network.prefixOf(Ipv4Network.tryParseAddress("255.0.255.0").orElseThrow()));
        assertEquals(Optional.of(0), Ipv4Network.prefixOf(Ipv4Network.tryParseAddress("0.0.0.0").orElseThrow()));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Network.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Network.parse("10.0.0.0"));
    }

    @Test
    void parsingIsStrict() {
        for (String bad : List.of(" 10.0.0.1", "10.0.0.1 ", "10.0.0.1\n", "localhost", "\u0661.2.3.4")) {
            assertEquals(Optional.empty(), Ipv4Network.tryParseAddress(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Ipv4Network.parseAddress(bad), bad);
        }
        for (String bad : List.of("10.0.0.0 /8", "10.0.0.0/ 8", " 10.0.0.0/8", "10.0.0.0/8 ", "10.0.0.0/008")) {
            assertThrows(IllegalArgumentException.class, () -> Ipv4Network.parse(bad), bad);
        }
        assertEquals("10.0.0.1", Ipv4Network.parseAddress("10.0.0.1").getHostAddress());
    }

    @Test
    void theNetworkClearsHostBitsAndContainmentIgnoresThem() {
        Ipv4Network host = Ipv4Network.parse("10.2.1.13/16");
        assertEquals(Ipv4Network.parse("10.2.0.0/16"), host.network());
        assertTrue(host.contains(Ipv4Network.parseAddress("10.2.200.1")));
        assertFalse(host.contains(Ipv4Network.parseAddress("10.3.0.1")));
        assertTrue(host.network().contains(Ipv4Network.parse("10.2.7.0/24")));
        assertFalse(Ipv4Network.parse("10.2.7.0/24").contains(host.network()));
        assertTrue(Ipv4Network.parse("0.0.0.0/0").contains(Ipv4Network.parseAddress("203.0.113.9")));
    }

    @Test
    void aMaskMustBeContiguous() {
        assertEquals(Ipv4Network.parse("10.1.0.0/16"),
                Ipv4Network.ofMask(Ipv4Network.parseAddress("10.1.0.0"), Ipv4Network.parseAddress("255.255.0.0")));
        assertThrows(IllegalArgumentException.class,
                () -> Ipv4Network.ofMask(Ipv4Network.parseAddress("10.1.0.0"), Ipv4Network.parseAddress("255.0.255.0")));
        assertEquals("255.255.254.0", Ipv4Network.parse("10.0.0.0/23").netmask().getHostAddress());
        assertEquals("0.0.0.0", Ipv4Network.parse("0.0.0.0/0").netmask().getHostAddress());
    }
}
