package dev.roadwarrior.engine.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class UdpEncapsulationTest {

    private static DatagramKind classify(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return UdpEncapsulation.classify(ByteBuffer.wrap(b));
    }

    @Test
    void classifiesByMarkerSpiAndKeepalive() {
        assertEquals(DatagramKind.KEEPALIVE, classify(0xff));
        assertEquals(DatagramKind.INVALID, classify(0x00));
        assertEquals(DatagramKind.INVALID, classify());
        assertEquals(DatagramKind.INVALID, classify(0xff, 0xff));
        assertEquals(DatagramKind.INVALID, classify(0, 0, 0, 1, 0, 0, 0), "shorter than SPI and sequence number");
        assertEquals(DatagramKind.ESP, classify(0, 0, 0, 1, 0, 0, 0, 1));
        assertEquals(DatagramKind.ESP, classify(0x80, 0, 0, 0, 0, 0, 0, 0));
        assertEquals(DatagramKind.INVALID, UdpEncapsulation.classify(ByteBuffer.allocate(31)), "marker without IKE header");
        assertEquals(DatagramKind.IKE, UdpEncapsulation.classify(ByteBuffer.allocate(32)));
    }

    @Test
    void classifyLooksFromThePosition() {
        ByteBuffer b = ByteBuffer.allocate(40);
        b.putInt(0x12345678).position(4);
        assertEquals(DatagramKind.IKE, UdpEncapsulation.classify(b));
        assertEquals(4, b.position());
        b.position(0);
        assertEquals(DatagramKind.ESP, UdpEncapsulation.classify(b));
    }

    @Test
    void markerRoundTrip() {
        ByteBuffer ike = Fixtures.ipv4(60, 1); // any 60 bytes stand in for an IKE message
        ByteBuffer datagram = UdpEncapsulation.addNonEspMarker(ike);
        assertEquals(64, datagram.remaining());
        assertEquals(0, datagram.getInt(0));
        assertEquals(0, ike.position());
        assertEquals(DatagramKind.IKE, UdpEncapsulation.classify(datagram));
        assertEquals(ike, UdpEncapsulation.stripNonEspMarker(datagram));
        assertEquals(0, datagram.position());
    }

    @Test
    void stripRefusesNonIke() {
        ByteBuffer esp = ByteBuffer.allocate(40).putInt(0, 7);
        assertThrows(IllegalArgumentException.class, () -> UdpEncapsulation.stripNonEspMarker(esp));
    }

    @Test
    void keepaliveIsOneFfByte() {
        ByteBuffer k = UdpEncapsulation.keepalive();
        assertEquals(1, k.remaining());
        assertEquals(DatagramKind.KEEPALIVE, UdpEncapsulation.classify(k));
    }
}
