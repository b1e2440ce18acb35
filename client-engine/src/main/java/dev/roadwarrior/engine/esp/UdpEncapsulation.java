package dev.roadwarrior.engine.esp;

import java.nio.ByteBuffer;

/**
 * UDP encapsulation of ESP (RFC 3948): after NAT detection, IKE and ESP share UDP port 4500.
 * IKE messages are prefixed with the non-ESP marker (four zero bytes, where ESP has its SPI,
 * which is never 0); a single byte 0xFF is a NAT-keepalive.
 *
 * <p>All methods leave their argument's position and limit unchanged.
 */
public final class UdpEncapsulation {

    /** The NAT-T port, for IKE and ESP alike. */
    public static final int PORT = 4500;
    /** Length of the non-ESP marker. */
    public static final int NON_ESP_MARKER_LENGTH = 4;
    /** The byte of a NAT-keepalive datagram (RFC 3948 §2.3). */
    public static final byte KEEPALIVE_BYTE = (byte) 0xFF;

    private static final int IKE_HEADER_LENGTH = 28;
    private static final int ESP_HEADER_LENGTH = 8;

    private UdpEncapsulation() {}

    /**
     * Classifies a UDP payload received on port 4500, from position to limit. IKE needs the
     * marker and a whole IKE header (28 bytes); ESP needs at least SPI and sequence number.
     */
    public static DatagramKind classify(ByteBuffer datagram) {
        int length = datagram.remaining();
        int p = datagram.position();
        if (length == 1) {
            return datagram.get(p) == KEEPALIVE_BYTE ? DatagramKind.KEEPALIVE : DatagramKind.INVALID;
        }
        if (length < ESP_HEADER_LENGTH) {
            return DatagramKind.INVALID;
        }
        if (datagram.getInt(p) != 0) {
            return DatagramKind.ESP;
        }
        return length >= NON_ESP_MARKER_LENGTH + IKE_HEADER_LENGTH ? DatagramKind.IKE : DatagramKind.INVALID;
    }

    /**
     * The IKE message inside a datagram that {@link #classify} called {@link DatagramKind#IKE}: a
     * view of the bytes after the marker, sharing the datagram's content.
     *
     * @throws IllegalArgumentException when the datagram is not an IKE datagram
     */
    public static ByteBuffer stripNonEspMarker(ByteBuffer datagram) {
        if (classify(datagram) != DatagramKind.IKE) {
            throw new IllegalArgumentException("not an IKE datagram with non-ESP marker");
        }
        return datagram.duplicate().position(datagram.position() + NON_ESP_MARKER_LENGTH).slice();
    }

    /** A new buffer holding the marker and then the IKE message (position to limit), ready to send. */
    public static ByteBuffer addNonEspMarker(ByteBuffer ikeMessage) {
        ByteBuffer datagram = ByteBuffer.allocate(NON_ESP_MARKER_LENGTH + ikeMessage.remaining());
        datagram.putInt(0).put(ikeMessage.duplicate());
        return datagram.flip();
    }

    /** A new NAT-keepalive datagram, ready to send. */
    public static ByteBuffer keepalive() {
        return ByteBuffer.wrap(new byte[] {KEEPALIVE_BYTE});
    }
}
