package dev.roadwarrior.engine.ike.task;

import dev.roadwarrior.engine.ike.IkeSa;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.ZeroPadding;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages of the exchanges after phase 1 that are protected by a leading HASH payload
 * (informational and transaction exchanges): HASH = prf(SKEYID_a, M-ID | following payloads).
 */
public final class HashedMessages {

    private HashedMessages() {
    }

    /** An encrypted message: HASH, then {@code payloads}. */
    public static IkeMessage build(IkeSa sa, ExchangeType type, int messageId, List<Payload> payloads) {
        byte[] hash = sa.keymat().messageHash(messageId, IkeMessage.encodeChain(payloads));
        List<Payload> all = new ArrayList<>();
        all.add(new HashPayload(hash));
        all.addAll(payloads);
        return new IkeMessage(IkeHeader.of(sa.initiatorCookie(), sa.responderCookie(), type,
                IkeHeader.FLAG_ENCRYPTION, messageId), all);
    }

    /**
     * Checks that a received message is encrypted, starts with a HASH payload and that the hash
     * matches, in constant time.
     *
     * @throws IkeProtocolException INVALID_HASH_INFORMATION otherwise
     */
    public static void verify(IkeSa sa, IkeMessage message) throws IkeProtocolException {
        if (!message.header().isEncrypted() || message.payloads().isEmpty()
                || !(message.payloads().get(0) instanceof HashPayload hash)) {
            throw new IkeProtocolException(NotifyType.INVALID_HASH_INFORMATION, "the message lacks a leading HASH");
        }
        byte[] expected = sa.keymat().messageHash(message.header().messageId(), message.payloadsAfter(0));
        if (!MessageDigest.isEqual(expected, ZeroPadding.trim(hash.data(), expected.length))) {
            throw new IkeProtocolException(NotifyType.INVALID_HASH_INFORMATION, "HASH does not verify");
        }
    }
}
