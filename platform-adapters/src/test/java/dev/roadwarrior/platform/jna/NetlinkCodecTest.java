package dev.roadwarrior.platform.jna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetlinkCodecTest {

    private static NetlinkRequest route() {
        return new NetlinkRequest(24, NetlinkRequest.NLM_F_REQUEST | NetlinkRequest.NLM_F_ACK)
                .putByte(2).putByte(8).putByte(0).putByte(0).putByte(254).putByte(4).putByte(253).putByte(1).putInt(0)
                .attribute(1, new byte[] {10, 0, 0, 0})
                .attribute(4, 7)
                .attribute(3, "rw0");
    }

    @Test
    void requestHasHeaderRtmsgAndPaddedAttributes() {
        ByteBuffer b = ByteBuffer.wrap(route().toBytes(42)).order(ByteOrder.nativeOrder());
        assertEquals(16 + 12 + 8 + 8 + 8, b.limit());
        assertEquals(b.limit(), b.getInt(0));
        assertEquals(24, b.getShort(4));
        assertEquals(5, b.getShort(6));
        assertEquals(42, b.getInt(8));
        assertEquals(0, b.getInt(12));
        assertArrayEquals(new byte[] {2, 8, 0, 0, (byte) 254, 4, (byte) 253, 1, 0, 0, 0, 0}, Arrays.copyOfRange(b.array(), 16, 28));
        assertEquals(8, b.getShort(28)); // rta_len of RTA_DST
        assertEquals(1, b.getShort(30));
        assertArrayEquals(new byte[] {10, 0, 0, 0}, Arrays.copyOfRange(b.array(), 32, 36));
        assertEquals(7, b.getInt(40));
        assertEquals(8, b.getShort(44)); // "rw0\0"
        assertArrayEquals(new byte[] {'r', 'w', '0', 0}, Arrays.copyOfRange(b.array(), 48, 52));
    }

    @Test
    void oddLengthAttributeIsPaddedButKeepsItsLength() {
        ByteBuffer b = ByteBuffer.wrap(new NetlinkRequest(17, 1).putInt(0).attribute(3, "rw10").toBytes(1))
                .order(ByteOrder.nativeOrder());
        assertEquals(16 + 4 + 12, b.limit());
        assertEquals(9, b.getShort(20));
    }

    @Test
    void attributesCannotFollowAnUnalignedHeader() {
        assertThrows(IllegalStateException.class, () -> new NetlinkRequest(17, 1).putByte(0).attribute(1, 1));
    }

    @Test
    void parsesOwnRequestBackWithAttributes() throws Exception {
        ByteBuffer two = ByteBuffer.allocate(200);
        byte[] one = route().toBytes(7);
        two.put(one).put(route().toBytes(8)).flip();
        List<NetlinkMessage> messages = NetlinkMessage.parseAll(two);
        assertEquals(2, messages.size());
        NetlinkMessage m = messages.get(0);
        assertEquals(24, m.type());
        assertEquals(7, m.seq());
        assertEquals(8, messages.get(1).seq());
        Map<Integer, ByteBuffer> a = m.attributes(12);
        assertEquals(7, a.get(4).getInt(0));
        assertEquals(4, a.get(1).remaining());
        assertEquals(4, a.get(3).remaining());
    }

    @Test
    void errorMessageCarriesNegatedErrno() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(36).order(ByteOrder.nativeOrder());
        b.putInt(36).putShort((short) NetlinkMessage.NLMSG_ERROR).putShort((short) 0).putInt(9).putInt(0).putInt(-17);
        NetlinkMessage m = NetlinkMessage.parseAll(b.rewind()).get(0);
        assertEquals(-17, m.error());
    }

    @Test
    void malformedLengthsAreRejected() {
        ByteBuffer tooLong = ByteBuffer.wrap(route().toBytes(1)).order(ByteOrder.nativeOrder());
        tooLong.putInt(0, 500);
        assertEquals(0, assertThrows(NetlinkException.class, () -> NetlinkMessage.parseAll(tooLong)).errno());
        ByteBuffer tooShort = ByteBuffer.wrap(route().toBytes(1)).order(ByteOrder.nativeOrder());
        tooShort.putInt(0, 8);
        assertThrows(NetlinkException.class, () -> NetlinkMessage.parseAll(tooShort));
        ByteBuffer badAttribute = ByteBuffer.wrap(route().toBytes(1)).order(ByteOrder.nativeOrder());
        badAttribute.putShort(28, (short) 200);
        assertThrows(NetlinkException.class, () -> NetlinkMessage.parseAll(badAttribute).get(0).attributes(12));
        assertThrows(NetlinkException.class, () -> NetlinkMessage.parseAll(ByteBuffer.wrap(route().toBytes(1))).get(0).attributes(100));
        assertThrows(NetlinkException.class, () -> NetlinkMessage.parseAll(ByteBuffer.wrap(route().toBytes(1))).get(0).error());
    }
}
