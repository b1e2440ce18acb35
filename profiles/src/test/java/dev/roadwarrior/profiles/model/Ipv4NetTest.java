package dev.roadwarrior.profiles.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Ipv4NetTest {

    @Test
    void parsesAndKeepsHostBits() {
        Ipv4Net n = Ipv4Net.parse("10.2.1.13/24");
        assertEquals("10.2.1.13/24", n.toString());
        assertEquals("10.2.1.0", n.networkAddress().getHostAddress());
        assertEquals("255.255.255.0", n.netmask().getHostAddress());
        assertEquals(n, Ipv4Net.ofMask(Ipv4Net.parseAddress("10.2.1.13").orElseThrow(),
                Ipv4Net.parseAddress("255.255.255.0").orElseThrow()));
    }

    @Test
    void rejectsWhatIsNotAnAddressOrMask() {
        for (String bad : List.of("", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.-4", "a.b.c.d", "1.2.3.4 5", "0x1.2.3.4")) {
            assertEquals(Optional.empty(), Ipv4Net.parseAddress(bad), bad);
        }
        assertEquals(Optional.empty(), Ipv4Net.prefixOf(Ipv4Net.parseAddress("255.0.255.0").orElseThrow()));
        assertEquals(Optional.of(0), Ipv4Net.prefixOf(Ipv4Net.parseAddress("0.0.0.0").orElseThrow()));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Net.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Net.parse("10.0.0.0"));
    }
}
