package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;

/**
 * One ISAKMP payload: an immutable record per payload type. Every payload starts with the
 * generic header below, which the message codec reads and writes; a record holds and encodes only
 * the body after it. Types without a record of their own decode to {@link UnknownPayload} and are
 * re-encoded unchanged.
 * <pre>
 *                      1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ! Next Payload  !   RESERVED    !         Payload Length        !
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>{@link #decode} dispatches on the type to the records' static {@code decode(ByteBuffer body)}
 * methods, which read the whole remaining buffer as the body and fail only with
 * {@link IkeProtocolException}. Records are immutable: byte arrays are copied in and out.
 */
public sealed interface Payload permits SaPayload, KePayload, IdPayload, CertPayload, CertRequestPayload,
        HashPayload, SignaturePayload, NoncePayload, NotifyPayload, DeletePayload, VendorIdPayload,
        AttributePayload, NatDPayload, NatOaPayload, FragmentPayload, UnknownPayload {

    /** The payload type written in the preceding next-payload field. */
    PayloadType type();

    /** The body as sent: the bytes after the generic payload header. */
    byte[] encodeBody();

    /**
     * Decodes a body of the given type; types without a record of their own (including PROPOSAL
     * and TRANSFORM, which are not top-level payloads) become {@link UnknownPayload}.
     *
     * @param body exactly the body, positioned at its start; it is consumed
     */
    static Payload decode(PayloadType type, ByteBuffer body) throws IkeProtocolException {
        return PayloadDecoders.decode(type, body);
    }
}
