package dev.roadwarrior.engine.ike.task;

import static dev.roadwarrior.engine.ike.proposal.IkeAttributes.*;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.crypto.KeyExchange;
import dev.roadwarrior.engine.ike.ChildSaKeys;
import dev.roadwarrior.engine.ike.IkeSa;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.KePayload;
import dev.roadwarrior.engine.ike.codec.payload.NoncePayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SaPayload;
import dev.roadwarrior.engine.ike.codec.payload.ZeroPadding;
import dev.roadwarrior.engine.ike.proposal.Phase2Choice;
import dev.roadwarrior.engine.ike.proposal.Phase2Proposals;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Quick Mode as initiator (RFC 2409 §5.5), ESP in tunnel mode (UDP-encapsulated with NAT-T),
 * with or without PFS:
 * <pre>
 * HDR*, HASH(1), SA, Ni [, KE ], IDci, IDcr  --&gt;
 *                                           &lt;--  HDR*, HASH(2), SA, Nr [, KE ] [, IDci, IDcr ]
 * HDR*, HASH(3)                             --&gt;
 * </pre>
 */
public final class QuickModeTask implements Task {

    private static final int NONCE_LENGTH = 20;

    private final IkeSa sa;
    private final Inet4Address virtualIp;
    private final Ipv4Network remote;
    private final Optional<Integer> pfsGroup;
    private final int messageId;
    private final int spi;
    private SaPayload offer;
    private byte[] nonceI;
    private KeyExchange keyExchange;
    private ChildSaKeys keys;

    /**
     * @param virtualIp our address inside the tunnel (IDci)
     * @param remote the networks behind the gateway (IDcr)
     * @param pfsGroup the PFS group, if any
     */
    public QuickModeTask(IkeSa sa, Inet4Address virtualIp, Ipv4Network remote, Optional<Integer> pfsGroup) {
        this.sa = sa;
        this.virtualIp = virtualIp;
        this.remote = remote;
        this.pfsGroup = pfsGroup;
        this.messageId = sa.newMessageId();
        this.spi = newSpi(sa);
    }

    /** A random SPI for an inbound ESP SA, above the 1..255 that RFC 4303 reserves. */
    static int newSpi(IkeSa sa) {
        int s = 0;
        while (Integer.compareUnsigned(s, 256) < 0) {
            s = ByteBuffer.wrap(sa.crypto().randomBytes(4)).getInt();
        }
        return s;
    }

    /** What this task offers, in words (see {@link Phase2Proposals#describe}). */
    public String offered() {
        return Phase2Proposals.describe(new ConnectRequest.Phase2(sa.request().phase2().proposals(), pfsGroup, 0, 0));
    }

    /** The negotiated SA pair, once done. */
    public ChildSaKeys keys() {
        return keys;
    }

    @Override
    public TaskType type() {
        return TaskType.QUICK_MODE;
    }

    @Override
    public IkeMessage build() {
        ConnectRequest.Phase2 p2 = sa.request().phase2();
        ConnectRequest.Phase2 withPfs = new ConnectRequest.Phase2(p2.proposals(), pfsGroup, p2.lifetimeSeconds(),
                p2.lifetimeKilobytes(), false);
        int encapsulation = !sa.nattActive() ? ENCAPSULATION_TUNNEL
                : sa.nattDraft() ? ENCAPSULATION_UDP_TUNNEL_DRAFT : ENCAPSULATION_UDP_TUNNEL_RFC;
        offer = Phase2Proposals.offer(withPfs, spi, encapsulation);
        nonceI = sa.crypto().randomBytes(NONCE_LENGTH);
        List<Payload> rest = new ArrayList<>(List.of(offer, new NoncePayload(nonceI)));
        if (pfsGroup.isPresent()) {
            keyExchange = sa.crypto().createKeyExchange(DhGroup.of(pfsGroup.get()));
            rest.add(new KePayload(keyExchange.publicValue()));
        }
        rest.add(IdPayload.ipv4Address(virtualIp));
        rest.add(IdPayload.ipv4Subnet(remote));
        List<Payload> all = new ArrayList<>();
        all.add(new HashPayload(sa.keymat().messageHash(messageId, IkeMessage.encodeChain(rest))));
        all.addAll(rest);
        return new IkeMessage(IkeHeader.of(sa.initiatorCookie(), sa.responderCookie(), ExchangeType.QUICK_MODE,
                IkeHeader.FLAG_ENCRYPTION, messageId), all);
    }

    @Override
    public TaskResult process(IkeMessage reply) throws IkeProtocolException, ConnectException {
        if (!reply.header().isEncrypted() || !(reply.payloads().get(0) instanceof HashPayload hash)) {
            throw new IkeProtocolException(NotifyType.INVALID_HASH_INFORMATION, "quick mode answer without HASH(2)");
        }
        byte[] expected = sa.keymat().messageHash(messageId, nonceI, reply.payloadsAfter(0));
        if (!MessageDigest.isEqual(expected, ZeroPadding.trim(hash.data(), expected.length))) {
            throw new IkeProtocolException(NotifyType.INVALID_HASH_INFORMATION, "HASH(2) does not verify");
        }
        Phase2Choice choice;
        try {
            choice = Phase2Proposals.select(offer, reply.first(SaPayload.class).orElseThrow(() ->
                    new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, "quick mode answer without SA")));
        } catch (IkeProtocolException e) {
            if (e.notifyType().equals(NotifyType.NO_PROPOSAL_CHOSEN)) {
                throw new ConnectException(FailureReason.NO_PROPOSAL_CHOSEN, e.detail() + "; " + offered());
            }
            throw e;
        }
        byte[] nonceR = reply.first(NoncePayload.class).orElseThrow(() ->
                new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, "quick mode answer without nonce")).data();
        byte[] pfsSecret = new byte[0];
        if (keyExchange != null) {
            KePayload ke = reply.first(KePayload.class).orElseThrow(() ->
                    new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, "PFS requested but no KE in the answer"));
            try {
                pfsSecret = keyExchange.sharedSecret(ke.data());
            } catch (CryptoException e) {
                throw new IkeProtocolException(NotifyType.INVALID_KEY_INFORMATION, e.detail());
            } finally {
                keyExchange.destroy();
            }
        }
        long seconds = choice.lifetimeSeconds();
        long kilobytes = choice.lifetimeKilobytes();
        for (NotifyPayload n : reply.all(NotifyPayload.class)) {
            if (n.notifyType().equals(NotifyType.RESPONDER_LIFETIME)) {
                long[] life = responderLifetime(n);
                seconds = life[0] > 0 ? life[0] : seconds;
                kilobytes = life[1] > 0 ? life[1] : kilobytes;
            }
        }
        int length = choice.transform().keymatLength();
        byte[] ours = ByteBuffer.allocate(4).putInt(spi).array();
        byte[] theirs = ByteBuffer.allocate(4).putInt(choice.peerSpi()).array();
        byte[] in = sa.keymat().quickModeKeymat(pfsSecret, ProtocolId.ESP, ours, nonceI, nonceR, length);
        byte[] out = sa.keymat().quickModeKeymat(pfsSecret, ProtocolId.ESP, theirs, nonceI, nonceR, length);
        java.util.Arrays.fill(pfsSecret, (byte) 0);
        keys = new ChildSaKeys(spi, choice.peerSpi(), choice.transform(), in, out, seconds, kilobytes, sa.nattActive());
        IkeMessage hash3 = new IkeMessage(IkeHeader.of(sa.initiatorCookie(), sa.responderCookie(),
                ExchangeType.QUICK_MODE, IkeHeader.FLAG_ENCRYPTION, messageId),
                List.of(new HashPayload(sa.keymat().hash3(messageId, nonceI, nonceR))));
        return TaskResult.finished(hash3);
    }

    /** Seconds and kilobytes from a RESPONDER-LIFETIME notify's attribute list (0 when absent). */
    static long[] responderLifetime(NotifyPayload n) throws IkeProtocolException {
        List<DataAttribute> attrs = DataAttribute.decodeAll(ByteBuffer.wrap(n.data()));
        long[] life = new long[2];
        for (int i = 0; i + 1 < attrs.size(); i++) {
            if (attrs.get(i).type() == P2_LIFE_TYPE && attrs.get(i + 1).type() == P2_LIFE_DURATION) {
                int slot = attrs.get(i).longValue() == LIFE_SECONDS ? 0 : 1;
                life[slot] = attrs.get(i + 1).longValue();
            }
        }
        return life;
    }
}
