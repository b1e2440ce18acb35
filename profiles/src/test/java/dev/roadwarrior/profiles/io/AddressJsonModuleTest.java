package dev.roadwarrior.profiles.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one JSON form of addresses and networks: written as strings, read back strictly. */
class AddressJsonModuleTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new AddressJsonModule());

    record Holder(Inet4Address address, Ipv4Network network) {
    }

    @Test
    void writesStringsAndReadsThemBack() throws Exception {
        Holder h = new Holder(Ipv4Network.parseAddress("10.0.0.1"), Ipv4Network.parse("10.2.1.13/24"));
        String json = MAPPER.writeValueAsString(h);
        assertEquals("{\"address\":\"10.0.0.1\",\"network\":\"10.2.1.13/24\"}", json);
        assertEquals(h, MAPPER.readValue(json, Holder.class));
    }

    @Test
    void readsStrictlyWithoutSpacesOrNames() {
        for (String bad : List.of(" 10.0.0.1", "10.0.0.1 ", "localhost", "10.0.0", "")) {
            assertThrows(InvalidFormatException.class,
                    () -> MAPPER.readValue("\"" + bad + "\"", Inet4Address.class), bad);
        }
        for (String bad : List.of("10.1.0.0 /16", "10.1.0.0/16 ", "10.1.0.0", "10.1.0.0/33")) {
            assertThrows(InvalidFormatException.class,
                    () -> MAPPER.readValue("\"" + bad + "\"", Ipv4Network.class), bad);
        }
    }
}
