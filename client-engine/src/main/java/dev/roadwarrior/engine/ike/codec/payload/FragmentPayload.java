package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Cisco IKE fragment payload (type 132): one piece of a whole ISAKMP datagram (header included,
 * encrypted as sent) that was too large for the path. Fragments are numbered from 1; the last
 * carries flag 0x01. Always the only payload of its message, whose next payload field is 0.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !         Fragment ID           !  Fragment Num !     Flags     !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                         Fragment Data                         ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param fragmentId identifies the datagram the fragment belongs to, 0 to 65535
 * @param number the fragment number, 1 to 255
 * @param last whether this is the last fragment (flag 0x01)
 * @param data the fragment's share of the datagram
 */
public record FragmentPayload(int fragmentId, int number, boolean last, byte[] data) implements Payload {

    private static final int LAST_FRAGMENT = 0x01;

    public FragmentPayload {
        if (fragmentId < 0 || fragmentId > 0xffff || number < 1 || number > 0xff) {
            throw new IllegalArgumentException("fragment ID/number out of range");
        }
        data = data.clone();
    }

    public static FragmentPayload decode(ByteBuffer body) throws IkeProtocolException {
        int id = Wire.u16(body, "fragment ID");
        int number = Wire.u8(body, "fragment number");
        int flags = Wire.u8(body, "fragment flags");
        if (number == 0) {
            throw Wire.malformed("fragment number 0");
        }
        return new FragmentPayload(id, number, (flags & LAST_FRAGMENT) != 0, Wire.rest(body));
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public PayloadType type() {
        return PayloadType.FRAGMENT;
    }

    @Override
    public byte[] encodeBody() {
        return new BodyWriter().u16(fragmentId).u8(number).u8(last ? LAST_FRAGMENT : 0).bytes(data).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FragmentPayload p && p.fragmentId == fragmentId && p.number == number
                && p.last == last && Arrays.equals(p.data, data);
    }

    @Override
    public int hashCode() {
        return ((fragmentId * 31 + number) * 31 + (last ? 1 : 0)) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Fragment(id=" + fragmentId + " #" + number + (last ? " last" : "") + ", " + data.length + " bytes)";
    }
}
