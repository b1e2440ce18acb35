package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Attribute payload of the Transaction exchange (draft-ietf-ipsec-isakmp-mode-cfg-05 §3.2),
 * carrying XAuth and Mode Config attributes ({@link ConfigAttributeType}). A REQUEST is answered by
 * a REPLY, a SET by an ACK, with the same identifier.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * !     Type      !   RESERVED    !           Identifier          !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                           Attributes                          ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param messageType {@link #REQUEST}, {@link #REPLY}, {@link #SET} or {@link #ACK}
 * @param identifier pairs a reply or acknowledgement with its request or set, 0 to 65535
 * @param attributes the attributes in wire order
 */
public record AttributePayload(int messageType, int identifier, List<DataAttribute> attributes)
        implements Payload {

    public static final int REQUEST = 1;
    public static final int REPLY = 2;
    public static final int SET = 3;
    public static final int ACK = 4;

    public AttributePayload {
        if (messageType < 0 || messageType > 0xff || identifier < 0 || identifier > 0xffff) {
            throw new IllegalArgumentException("attribute payload type/identifier out of range");
        }
        attributes = List.copyOf(attributes);
    }

    public static AttributePayload decode(ByteBuffer body) throws IkeProtocolException {
        int type = Wire.u8(body, "attribute payload type");
        Wire.u8(body, "attribute payload reserved");
        int identifier = Wire.u16(body, "attribute payload identifier");
        return new AttributePayload(type, identifier, DataAttribute.decodeAll(body));
    }

    /** The first attribute of the given type. */
    public Optional<DataAttribute> attribute(int type) {
        return attributes.stream().filter(a -> a.type() == type).findFirst();
    }

    /** All attributes of the given type (Mode Config repeats e.g. DNS servers). */
    public List<DataAttribute> attributes(int type) {
        return attributes.stream().filter(a -> a.type() == type).toList();
    }

    @Override
    public PayloadType type() {
        return PayloadType.ATTRIBUTE;
    }

    @Override
    public byte[] encodeBody() {
        BodyWriter out = new BodyWriter().u8(messageType).u8(0).u16(identifier);
        DataAttribute.encodeAll(attributes, out);
        return out.toByteArray();
    }
}
