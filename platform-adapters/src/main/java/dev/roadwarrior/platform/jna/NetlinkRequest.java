package dev.roadwarrior.platform.jna;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one netlink request: a {@code struct nlmsghdr}, a fixed family header written with the
 * {@code put*} methods, then {@code struct rtattr} attributes, all in native byte order:
 * <pre>
 * nlmsghdr: u32 len | u16 type | u16 flags | u32 seq | u32 pid      (16 bytes)
 * rtattr:   u16 len (header + value) | u16 type | value, padded to 4 bytes
 * </pre>
 * Fixed headers used here: {@code rtmsg} (12 bytes), {@code ifaddrmsg} (8), {@code ifinfomsg} (16).
 */
public final class NetlinkRequest {

    public static final int HEADER = 16;

    public static final int NLM_F_REQUEST = 0x1;
    public static final int NLM_F_ACK = 0x4;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;

    private final ByteBuffer buffer = ByteBuffer.allocate(512).order(ByteOrder.nativeOrder());
    private final int type;
    private final int flags;

    public NetlinkRequest(int type, int flags) {
        this.type = type;
        this.flags = flags;
        buffer.position(HEADER);
    }

    public NetlinkRequest putByte(int value) {
        buffer.put((byte) value);
        return this;
    }

    public NetlinkRequest putShort(int value) {
        buffer.putShort((short) value);
        return this;
    }

    public NetlinkRequest putInt(int value) {
        buffer.putInt(value);
        return this;
    }

    /** Appends an attribute; the family header must be complete (4-byte aligned) by now. */
    public NetlinkRequest attribute(int attributeType, byte[] value) {
        if (buffer.position() % 4 != 0) {
            throw new IllegalStateException("family header not aligned");
        }
        buffer.putShort((short) (4 + value.length)).putShort((short) attributeType).put(value);
        while (buffer.position() % 4 != 0) {
            buffer.put((byte) 0);
        }
        return this;
    }

    public NetlinkRequest attribute(int attributeType, int value) {
        return attribute(attributeType, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    /** A NUL-terminated string attribute. */
    public NetlinkRequest attribute(int attributeType, String value) {
        byte[] s = value.getBytes(StandardCharsets.US_ASCII);
        return attribute(attributeType, Arrays.copyOf(s, s.length + 1));
    }

    public int type() {
        return type;
    }

    /** The finished message with sequence number {@code seq} and port id 0. */
    public byte[] toBytes(int seq) {
        int length = buffer.position();
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        out.put(buffer.array(), 0, length);
        out.putInt(0, length).putShort(4, (short) type).putShort(6, (short) flags).putInt(8, seq).putInt(12, 0);
        return out.array();
    }
}
