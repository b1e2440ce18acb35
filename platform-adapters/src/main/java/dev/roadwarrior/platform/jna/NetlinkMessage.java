package dev.roadwarrior.platform.jna;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One received netlink message (layout in {@link NetlinkRequest}); {@code payload} is what follows
 * the 16-byte header, in native byte order. Decoding is bounds-checked: a length field that
 * points outside the datagram throws {@link NetlinkException} with errno 0.
 */
public record NetlinkMessage(int type, int flags, int seq, ByteBuffer payload) {

    public static final int NLMSG_ERROR = 2;

    /** Splits a received datagram into its messages. */
    public static List<NetlinkMessage> parseAll(ByteBuffer datagram) throws NetlinkException {
        ByteBuffer in = datagram.slice().order(ByteOrder.nativeOrder());
        List<NetlinkMessage> messages = new ArrayList<>();
        while (in.remaining() >= NetlinkRequest.HEADER) {
            int start = in.position();
            int length = in.getInt(start);
            if (length < NetlinkRequest.HEADER || length > in.remaining()) {
                throw NetlinkException.malformed("message length " + length + " with " + in.remaining() + " bytes left");
            }
            ByteBuffer payload = in.duplicate().position(start + NetlinkRequest.HEADER).limit(start + length)
                    .slice().order(ByteOrder.nativeOrder());
            messages.add(new NetlinkMessage(in.getShort(start + 4) & 0xffff, in.getShort(start + 6) & 0xffff,
                    in.getInt(start + 8), payload));
            in.position(Math.min(in.limit(), start + align(length)));
        }
        return messages;
    }

    /**
     * For an {@code NLMSG_ERROR} message, the error field: 0 for an acknowledgement, otherwise a
     * negated errno.
     */
    public int error() throws NetlinkException {
        if (type != NLMSG_ERROR || payload.limit() < 4) {
            throw NetlinkException.malformed("not an error message");
        }
        return payload.getInt(0);
    }

    /**
     * The attributes after a family header of {@code headerLength} bytes, by type; a later
     * attribute of the same type replaces an earlier one. Values are native-order buffers.
     */
    public Map<Integer, ByteBuffer> attributes(int headerLength) throws NetlinkException {
        if (headerLength > payload.limit()) {
            throw NetlinkException.malformed("payload shorter than its family header");
        }
        Map<Integer, ByteBuffer> attributes = new HashMap<>();
        int pos = headerLength;
        while (payload.limit() - pos >= 4) {
            int length = payload.getShort(pos) & 0xffff;
            if (length < 4 || length > payload.limit() - pos) {
                throw NetlinkException.malformed("attribute length " + length);
            }
            ByteBuffer value = payload.duplicate().position(pos + 4).limit(pos + length).slice()
                    .order(ByteOrder.nativeOrder());
            attributes.put(payload.getShort(pos + 2) & 0x3fff, value); // strip NLA_F_NESTED/BYTEORDER
            pos += align(length);
        }
        return attributes;
    }

    private static int align(int length) {
        return (length + 3) & ~3;
    }
}
