package dev.roadwarrior.engine.ike.codec.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitySplitNetworksTest {

    private static List<String> decode(String hex) throws IkeProtocolException {
        return UnitySplitNetworks.decode(HexFormat.of().parseHex(hex)).stream().map(Object::toString).toList();
    }

    private static final String PADDING = "000000000000";

    @Test
    void ciscoEntriesOfFourteenBytes() throws Exception {
        // 10.0.0.0/8 and 192.168.1.0/24 (TCP to port 80 on the second: protocol and ports are ignored)
        assertEquals(List.of("10.0.0.0/8", "192.168.1.0/24"),
                decode("0a000000" + "ff000000" + PADDING + "c0a80100" + "ffffff00" + "06" + "00" + "0000" + "0050"));
    }

    @Test
    void bareAddressMaskPairs() throws Exception {
        assertEquals(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.1.0/24"),
                decode("0a000000ff000000" + "ac100000fff00000" + "c0a80100ffffff00"));
    }

    @Test
    void finalEntryWithoutPadding() throws Exception {
        assertEquals(List.of("10.0.0.0/8", "192.168.1.0/24"),
                decode("0a000000" + "ff000000" + PADDING + "c0a80100" + "ffffff00"));
    }

    @Test
    void lengthsThatFitBothLayouts() throws Exception {
        // 56 bytes: four Cisco entries ...
        assertEquals(List.of("10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.4.0.0/16"), decode(
                "0a010000ffff0000" + PADDING + "0a020000ffff0000" + PADDING
                        + "0a030000ffff0000" + PADDING + "0a040000ffff0000" + PADDING));
        // ... or seven pairs, whose 14-byte reading has contiguous masks but host bits
        assertEquals(List.of("0.0.0.0/0", "10.0.0.0/8", "0.0.0.0/0", "0.0.0.0/0", "0.0.0.0/0", "10.0.0.0/8",
                        "0.0.0.0/0"), decode("00000000" + "00000000" + "0a000000ff000000" + "00000000" + "00000000"
                        + "00000000" + "00000000" + "00000000" + "00000000" + "0a000000ff000000" + "00000000" + "00000000"));
    }

    @Test
    void emptyValueHasNoNetworks() throws Exception {
        assertEquals(List.of(), decode(""));
    }

    @Test
    void unreadableValuesAreMalformed() {
        for (String hex : List.of("0a000000ff", "0a000000ff00ff00", "0a000000ff00ff00" + PADDING)) {
            assertEquals(NotifyType.PAYLOAD_MALFORMED,
                    assertThrows(IkeProtocolException.class, () -> decode(hex)).notifyType(), hex);
        }
    }
}
