package dev.roadwarrior.engine.ike.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Malformed input of each kind fails with the notify RFC 2408 names for it, never otherwise. */
class MalformedInputTest {

    private static NotifyType failure(String hex) {
        byte[] datagram = SharedVectors.hex(hex);
        return assertThrows(IkeProtocolException.class, () -> IkeMessage.decode(datagram)).notifyType();
    }

    /** The failure of the chain decoder for a body, under the header of {@code message}. */
    private static NotifyType bodyFailure(String message, byte[] body) throws IkeProtocolException {
        IkeHeader header = IkeHeader.decode(SharedVectors.hex(message));
        return assertThrows(IkeProtocolException.class, () -> IkeMessage.decode(header, body)).notifyType();
    }

    @Test
    void everyPrefixOfAValidMessageIsMalformed() throws Exception {
        for (String message : HandBuiltMessagesTest.all()) {
            byte[] datagram = SharedVectors.hex(message);
            byte[] body = Arrays.copyOfRange(datagram, IkeHeader.SIZE, datagram.length);
            for (int n = 0; n < datagram.length; n++) {
                byte[] prefix = Arrays.copyOf(datagram, n);
                assertEquals(NotifyType.PAYLOAD_MALFORMED,
                        assertThrows(IkeProtocolException.class, () -> IkeMessage.decode(prefix)).notifyType());
            }
            // the chain itself, without the header's length field to catch the truncation
            for (int n = 0; n < body.length; n++) {
                assertEquals(NotifyType.PAYLOAD_MALFORMED, bodyFailure(message, Arrays.copyOf(body, n)), message);
            }
        }
    }

    private static final String HEADER_MAIN = "0102030405060708" + "0000000000000000";

    @Test
    void headerErrors() {
        assertEquals(NotifyType.INVALID_MAJOR_VERSION, failure(HEADER_MAIN + "00" + "20" + "02" + "00" + "00000000" + "0000001c"));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(HEADER_MAIN + "00" + "10" + "02" + "00" + "00000000" + "0000001b"));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(HEADER_MAIN + "00" + "10" + "02" + "00" + "00000000" + "ffffffff"));
        assertEquals(NotifyType.INVALID_FLAGS, failure(HEADER_MAIN + "00" + "10" + "02" + "01" + "00000000" + "0000001c"));
    }

    @Test
    void payloadChainErrors() {
        String header = HEADER_MAIN + "%s" + "10" + "02" + "00" + "00000000" + "%08x";
        // payload length below the generic header
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(String.format(header, "0d", 32) + "00000003"));
        // payload length beyond the message
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(String.format(header, "0d", 32) + "00000005"));
        // a proposal where only payloads may be
        assertEquals(NotifyType.INVALID_PAYLOAD_TYPE, failure(String.format(header, "02", 32) + "00000004"));
        // next payload points past the end
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(String.format(header, "0d", 32) + "0d000004"));
    }

    private static String sa(String body) {
        return String.format(HEADER_MAIN + "01" + "10" + "02" + "00" + "00000000" + "%08x", 28 + 4 + body.length() / 2)
                + String.format("0000%04x", 4 + body.length() / 2) + body;
    }

    @Test
    void securityAssociationErrors() {
        String ipsec = "00000001" + "00000001";
        String transform = "00000008" + "01010000";
        assertEquals(NotifyType.DOI_NOT_SUPPORTED, failure(sa("00000002" + "00000001" + "0000001001010001" + transform)));
        assertEquals(NotifyType.SITUATION_NOT_SUPPORTED, failure(sa("00000001" + "00000002" + "0000001001010001" + transform)));
        assertEquals(NotifyType.BAD_PROPOSAL_SYNTAX, failure(sa(ipsec)));
        // the proposal announces 2 transforms and holds 1
        assertEquals(NotifyType.BAD_PROPOSAL_SYNTAX, failure(sa(ipsec + "0000001001010002" + transform)));
        // the proposal says another follows, but the SA ends
        assertEquals(NotifyType.BAD_PROPOSAL_SYNTAX, failure(sa(ipsec + "0200001001010001" + transform)));
        // the transform's length overruns its proposal
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(sa(ipsec + "0000001001010001" + "0000000a01010000")));
        // a TLV attribute longer than its transform
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(sa(ipsec + "0000001401010001" + "0000000c01010000" + "000c0004")));
        // a basic attribute cut in half
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(sa(ipsec + "0000001201010001" + "0000000a01010000" + "8001")));
        // bytes after the last proposal that are not libreswan's zero padding
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(sa(ipsec + "0000001001010001" + transform + "01")));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(sa(ipsec + "0000001001010001" + transform + "00000000")));
    }

    private static String payload(String type, String body) {
        return String.format(HEADER_MAIN + type + "10" + "05" + "00" + "00000000" + "%08x", 28 + 4 + body.length() / 2)
                + String.format("0000%04x", 4 + body.length() / 2) + body;
    }

    @Test
    void otherPayloadErrors() {
        // ID_IPV4_ADDR with 3 address bytes
        assertEquals(NotifyType.INVALID_ID_INFORMATION, failure(payload("05", "01000000" + "0a0000")));
        // notify whose SPI size exceeds the payload
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(payload("0b", "00000001" + "01" + "10" + "000e" + "0102")));
        // delete announcing 2 SPIs of 4 bytes, holding 1
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(payload("0c", "00000001" + "03" + "04" + "0002" + "c0ffee01")));
        // fragment number 0
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(payload("84", "0001" + "00" + "01" + "ff")));
        // NAT-OA with an IPv6 type and an IPv4 address
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(payload("15", "05000000" + "c0a80001")));
        // attribute payload with a truncated attribute
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(payload("0e", "01001234" + "4089")));
    }
}
