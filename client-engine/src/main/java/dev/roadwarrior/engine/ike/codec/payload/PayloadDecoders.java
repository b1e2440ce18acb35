package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import java.nio.ByteBuffer;
import java.util.Map;

/** The table from payload type to body decoder behind {@link Payload#decode}. */
final class PayloadDecoders {

    @FunctionalInterface
    private interface BodyDecoder {
        Payload decode(ByteBuffer body) throws IkeProtocolException;
    }

    private static final Map<PayloadType, BodyDecoder> BY_TYPE = Map.ofEntries(
            Map.entry(PayloadType.SA, SaPayload::decode),
            Map.entry(PayloadType.KE, KePayload::decode),
            Map.entry(PayloadType.ID, IdPayload::decode),
            Map.entry(PayloadType.CERT, CertPayload::decode),
            Map.entry(PayloadType.CERTREQ, CertRequestPayload::decode),
            Map.entry(PayloadType.HASH, HashPayload::decode),
            Map.entry(PayloadType.SIG, SignaturePayload::decode),
            Map.entry(PayloadType.NONCE, NoncePayload::decode),
            Map.entry(PayloadType.NOTIFY, NotifyPayload::decode),
            Map.entry(PayloadType.DELETE, DeletePayload::decode),
            Map.entry(PayloadType.VENDOR_ID, VendorIdPayload::decode),
            Map.entry(PayloadType.ATTRIBUTE, AttributePayload::decode),
            Map.entry(PayloadType.NAT_D, body -> NatDPayload.decode(false, body)),
            Map.entry(PayloadType.NAT_D_DRAFT, body -> NatDPayload.decode(true, body)),
            Map.entry(PayloadType.NAT_OA, body -> NatOaPayload.decode(false, body)),
            Map.entry(PayloadType.NAT_OA_DRAFT, body -> NatOaPayload.decode(true, body)),
            Map.entry(PayloadType.FRAGMENT, FragmentPayload::decode));

    private PayloadDecoders() {
    }

    static Payload decode(PayloadType type, ByteBuffer body) throws IkeProtocolException {
        BodyDecoder decoder = BY_TYPE.get(type);
        return decoder != null ? decoder.decode(body) : new UnknownPayload(type, Wire.rest(body));
    }
}
