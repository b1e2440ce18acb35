package dev.roadwarrior.engine.ike.codec.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataAttributeTest {

    private static String encode(DataAttribute a) {
        BodyWriter out = new BodyWriter();
        a.encode(out);
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static List<DataAttribute> decode(String hex) throws IkeProtocolException {
        return DataAttribute.decodeAll(ByteBuffer.wrap(HexFormat.of().parseHex(hex)));
    }

    @Test
    void basicAndVariableForms() throws Exception {
        assertEquals("80010005", encode(DataAttribute.basic(1, 5)));
        assertEquals("000c000400007080", encode(DataAttribute.variable(12, HexFormat.of().parseHex("00007080"))));
        List<DataAttribute> both = decode("80010005" + "000c000400007080");
        assertTrue(both.get(0).basic());
        assertFalse(both.get(1).basic());
        assertEquals(5, both.get(0).longValue());
        assertEquals(28800, both.get(1).longValue());
    }

    @Test
    void numbersTakeTheShortestForm() throws Exception {
        assertEquals("800c7080", encode(DataAttribute.ofLong(12, 28800)));
        assertEquals("000c000400015180", encode(DataAttribute.ofLong(12, 86400)));
        assertEquals("000c00080000000100000000", encode(DataAttribute.ofLong(12, 1L << 32)));
        assertEquals(1L << 32, DataAttribute.ofLong(12, 1L << 32).longValue());
    }

    @Test
    void longValueAcceptsLeadingZerosButNotOverflow() throws Exception {
        assertEquals(0x0102030405060708L, decode("0002000a" + "0000" + "0102030405060708").get(0).longValue());
        IkeProtocolException tooBig = assertThrows(IkeProtocolException.class,
                () -> decode("00020009" + "010000000000000000").get(0).longValue());
        assertEquals(NotifyType.ATTRIBUTES_NOT_SUPPORTED, tooBig.notifyType());
        IkeProtocolException empty = assertThrows(IkeProtocolException.class, () -> decode("00020000").get(0).longValue());
        assertEquals(NotifyType.PAYLOAD_MALFORMED, empty.notifyType());
    }

    @Test
    void truncatedAttributesAreMalformed() {
        for (String hex : List.of("80", "8001", "800100", "0002", "000200", "00020004", "00020004010203")) {
            assertEquals(NotifyType.PAYLOAD_MALFORMED,
                    assertThrows(IkeProtocolException.class, () -> decode(hex)).notifyType(), hex);
        }
    }

    @Test
    void variableValuesNeverShowInToString() throws Exception {
        DataAttribute password = DataAttribute.variable(ConfigAttributeType.XAUTH_USER_PASSWORD, "hunter2");
        assertEquals("Attr(16522, 7 bytes)", password.toString());
        assertEquals("hunter2", password.stringValue());
    }

    @Test
    void upToThreeZeroBytesAfterTheLastAttributeArePaddingAnythingElseIsMalformed() throws Exception {
        HexFormat hex = HexFormat.of();
        // a Mode Config REPLY: INTERNAL_IP4_ADDRESS 10.88.0.1, then libreswan's padding
        for (String padding : List.of("00", "0000", "000000")) {
            AttributePayload p = AttributePayload.decode(ByteBuffer.wrap(hex.parseHex("02000007" + "000100040a580001"
                    + padding)));
            assertEquals(1, p.attributes().size(), padding);
        }
        assertThrows(IkeProtocolException.class, () -> AttributePayload.decode(ByteBuffer.wrap(
                hex.parseHex("02000007" + "000100040a580001" + "000001"))));
    }

    @Test
    void paddingAfterFixedLayoutsIsSkippedAndValuesOfUnknownLengthAreTrimmedByTheirReader() throws Exception {
        HexFormat hex = HexFormat.of();
        IdPayload id = IdPayload.decode(ByteBuffer.wrap(hex.parseHex("01110000" + "c0000201" + "0000")));
        assertEquals("c0000201", hex.formatHex(id.data()));
        DeletePayload delete = DeletePayload.decode(ByteBuffer.wrap(hex.parseHex("00000001" + "03040001"
                + "12345678" + "000000")));
        assertEquals(1, delete.spis().size());
        assertEquals("0102", hex.formatHex(ZeroPadding.trim(hex.parseHex("0102000000"), 2)), "three zero bytes");
        assertEquals("0102000000000000", hex.formatHex(ZeroPadding.trim(hex.parseHex("0102000000000000"), 2)),
                "more than three is no padding");
        assertEquals("010203", hex.formatHex(ZeroPadding.trim(hex.parseHex("010203"), 2)), "not zero");
    }
}
