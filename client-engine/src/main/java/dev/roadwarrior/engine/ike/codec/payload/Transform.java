package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A transform substructure of a proposal (RFC 2408 §3.6): a transform ID with its SA attributes.
 * In phase 1 the transform ID is {@link #KEY_IKE} and the attributes name the algorithms
 * (RFC 2409 Appendix A); in phase 2 the ID is the ESP/IPCOMP transform (RFC 2407 §4.4.4).
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !        Payload Length         !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !  Transform #  !  Transform-Id !           RESERVED2           !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                        SA Attributes                          ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Next Payload is 3 (another transform follows) or 0 (last); the codec writes it.
 *
 * @param number the transform number, 0 to 255
 * @param transformId the transform ID, 0 to 255
 * @param attributes the SA attributes in wire order
 */
public record Transform(int number, int transformId, List<DataAttribute> attributes) {

    /** The phase 1 transform ID (RFC 2407 §4.4.2). */
    public static final int KEY_IKE = 1;

    static final int NEXT_TRANSFORM = 3;

    public Transform {
        if (number < 0 || number > 0xff || transformId < 0 || transformId > 0xff) {
            throw new IllegalArgumentException("transform number/ID out of range");
        }
        attributes = List.copyOf(attributes);
    }

    /** The first attribute of the given type. */
    public Optional<DataAttribute> attribute(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }

    /**
     * Reads one transform substructure including its generic header.
     *
     * @return the transform and whether another transform follows (its next payload field)
     */
    static Decoded decode(ByteBuffer in) throws IkeProtocolException {
        int next = Wire.u8(in, "transform next payload");
        Wire.u8(in, "transform reserved");
        int length = Wire.u16(in, "transform length");
        if (length < 8) {
            throw Wire.malformed("transform length " + length);
        }
        ByteBuffer body = Wire.slice(in, length - 4, "transform");
        int number = Wire.u8(body, "transform number");
        int id = Wire.u8(body, "transform ID");
        Wire.u16(body, "transform reserved2");
        if (next != 0 && next != NEXT_TRANSFORM) {
            throw new IkeProtocolException(NotifyType.BAD_PROPOSAL_SYNTAX, "transform followed by payload " + next);
        }
        return new Decoded(new Transform(number, id, DataAttribute.decodeAll(body)), next != 0);
    }

    void encode(BodyWriter out, boolean last) {
        out.u8(last ? 0 : NEXT_TRANSFORM).u8(0);
        int lengthAt = out.position();
        out.u16(0).u8(number).u8(transformId).u16(0);
        DataAttribute.encodeAll(attributes, out);
        out.patchU16(lengthAt, out.position() - lengthAt + 2);
    }

    record Decoded(Transform transform, boolean more) {
    }
}
