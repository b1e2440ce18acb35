package dev.roadwarrior.platform.jna;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roadwarrior.net.Ipv4Network;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IfReqTest {

    @Test
    void nameFillsTheFirstSixteenBytesNulTerminated() {
        byte[] b = new IfReq("rw%d").bytes();
        assertEquals(40, b.length);
        assertArrayEquals(new byte[] {'r', 'w', '%', 'd', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, Arrays.copyOf(b, 16));
        assertArrayEquals(new byte[24], Arrays.copyOfRange(b, 16, 40));
        assertEquals("rw%d", new IfReq("rw%d").name());
    }

    @Test
    void flagsAndIntsSitAtOffsetSixteenInNativeOrder() {
        ByteBuffer b = ByteBuffer.wrap(new IfReq("rw0").flags((short) 0x1001).bytes()).order(ByteOrder.nativeOrder());
        assertEquals(0x1001, b.getShort(16));
        ByteBuffer mtu = ByteBuffer.wrap(new IfReq("rw0").intValue(1400).bytes()).order(ByteOrder.nativeOrder());
        assertEquals(1400, mtu.getInt(16));
        assertEquals(1400, new IfReq("rw0").intValue(1400).intValue());
    }

    @Test
    void sockaddrInHasNativeFamilyZeroPortAndBigEndianAddress() {
        byte[] b = new IfReq("rw0").ipv4(Ipv4Network.parseAddress("10.1.2.3")).bytes();
        assertEquals(LibC.AF_INET, ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getShort(16));
        assertArrayEquals(new byte[] {0, 0}, Arrays.copyOfRange(b, 18, 20));
        assertArrayEquals(new byte[] {10, 1, 2, 3}, Arrays.copyOfRange(b, 20, 24));
        assertArrayEquals(new byte[16], Arrays.copyOfRange(b, 24, 40));
    }

    @Test
    void rejectsNamesThatDoNotFit() {
        assertThrows(IllegalArgumentException.class, () -> new IfReq("a234567890123456"));
        assertThrows(IllegalArgumentException.class, () -> new IfReq(""));
        assertEquals("a23456789012345", new IfReq("a23456789012345").name());
    }
}
