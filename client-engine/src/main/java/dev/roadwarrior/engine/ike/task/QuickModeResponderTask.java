package dev.roadwarrior.engine.ike.task;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.crypto.KeyExchange;
import dev.roadwarrior.engine.ike.ChildSaKeys;
import dev.roadwarrior.engine.ike.IkeSa;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.KePayload;
import dev.roadwarrior.engine.ike.codec.payload.NoncePayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SaPayload;
import dev.roadwarrior.engine.ike.proposal.Phase2Choice;
import dev.roadwarrior.engine.ike.proposal.Phase2Proposals;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Quick Mode as responder (RFC 2409 §5.5), for the Quick Modes a gateway starts, usually to
 * renew the ESP SAs before its own lifetime ends:
 * <pre>
 *                                       &lt;--  HDR*, HASH(1), SA, Ni [, KE ] [, IDci, IDcr ]
 * HDR*, HASH(2), SA, Nr [, KE ] [, IDci, IDcr ]  --&gt;
 *                                       &lt;--  HDR*, HASH(3)
 * </pre>
 * We take the first offered ESP transform that the profile allows; the identities must name our
 * virtual address as our side (IDcr). The keys exist once our answer is built ({@link #keys()}),
 * so that the inbound SA can be installed before the gateway starts using it; the SA pair counts
 * as agreed only once HASH(3) verified (the task is then done).
 */
public final class QuickModeResponderTask implements Task {

    private static final int NONCE_LENGTH = 20;

    private final IkeSa sa;
    private final Inet4Address virtualIp;
    private int messageId;
    private byte[] nonceI;
    private byte[] nonceR;
    private ChildSaKeys keys;

    /** @param virtualIp our address inside the tunnel, which the gateway's IDcr must name */
    public QuickModeResponderTask(IkeSa sa, Inet4Address virtualIp) {
        this.sa = sa;
        this.virtualIp = virtualIp;
    }

    /** The negotiated SA pair, once our answer is built. */
    public ChildSaKeys keys() {
        return keys;
    }

    @Override
    public TaskType type() {
        return TaskType.QUICK_MODE_RESPONDER;
    }

    @Override
    public IkeMessage build() {
        throw new UnsupportedOperationException("the gateway starts this Quick Mode");
    }

    @Override
    public TaskResult process(IkeMessage message) throws IkeProtocolException, ConnectException {
        if (!message.header().isEncrypted() || message.payloads().isEmpty()
                || !(message.payloads().get(0) instanceof HashPayload hash)) {
            throw new IkeProtocolException(NotifyType.INVALID_HASH_INFORMATION, "quick mode message without HASH");
        }
        return keys == null ? answer(message, hash) : finish(message, hash);
    }

    private TaskResult answer(IkeMessage request, HashPayload hash) throws IkeProtocolException {
        messageId = request.header().messageId();
        byte[] expected = sa.keymat().messageHash(messageId, request.payloadsAfter(0));
        if (!MessageDigest.isEqual(expected, hash.data())) {
            throw new IkeProtocolException(NotifyType.INVALID_HASH_INFORMATION, "HASH(1) does not verify");
        }
        SaPayload offer = require(request, SaPayload.class);
        nonceI = require(request, NoncePayload.class).data();
        List<IdPayload> ids = request.all(IdPayload.class);
        if (ids.size() == 2 && !names(ids.get(1), virtualIp)) {
            throw new IkeProtocolException(NotifyType.INVALID_ID_INFORMATION, "the gateway's quick mode is for "
                    + ids.get(1) + ", not for our address " + virtualIp.getHostAddress());
        }
        int spi = QuickModeTask.newSpi(sa);
        Phase2Proposals.Chosen chosen = Phase2Proposals.choose(sa.request().phase2(), offer, spi);
        Optional<KePayload> ke = request.first(KePayload.class);
        if (chosen.pfsGroup().isPresent() != ke.isPresent()) {
            throw new IkeProtocolException(NotifyType.INVALID_KEY_INFORMATION, "KE and PFS group do not agree");
        }
        nonceR = sa.crypto().randomBytes(NONCE_LENGTH);
        List<Payload> rest = new ArrayList<>(List.of(chosen.reply(), new NoncePayload(nonceR)));
        byte[] pfsSecret = new byte[0];
        if (ke.isPresent()) {
            KeyExchange exchange = sa.crypto().createKeyExchange(DhGroup.of(chosen.pfsGroup().get()));
            try {
                pfsSecret = exchange.sharedSecret(ke.get().data());
                rest.add(new KePayload(exchange.publicValue()));
            } catch (CryptoException e) {
                throw new IkeProtocolException(NotifyType.INVALID_KEY_INFORMATION, e.detail());
            } finally {
                exchange.destroy();
            }
        }
        rest.addAll(ids);
        Phase2Choice choice = chosen.choice();
        int length = choice.transform().keymatLength();
        byte[] in = sa.keymat().quickModeKeymat(pfsSecret, ProtocolId.ESP, ByteBuffer.allocate(4).putInt(spi).array(),
                nonceI, nonceR, length);
        byte[] out = sa.keymat().quickModeKeymat(pfsSecret, ProtocolId.ESP,
                ByteBuffer.allocate(4).putInt(choice.peerSpi()).array(), nonceI, nonceR, length);
        Arrays.fill(pfsSecret, (byte) 0);
        keys = new ChildSaKeys(spi, choice.peerSpi(), choice.transform(), in, out, choice.lifetimeSeconds(),
                choice.lifetimeKilobytes(), sa.nattActive());
        List<Payload> all = new ArrayList<>();
        all.add(new HashPayload(sa.keymat().messageHash(messageId, nonceI, IkeMessage.encodeChain(rest))));
        all.addAll(rest);
        return TaskResult.needMore(new IkeMessage(IkeHeader.of(sa.initiatorCookie(), sa.responderCookie(),
                ExchangeType.QUICK_MODE, IkeHeader.FLAG_ENCRYPTION, messageId), all));
    }

    private TaskResult finish(IkeMessage message, HashPayload hash) throws IkeProtocolException {
        if (!MessageDigest.isEqual(sa.keymat().hash3(messageId, nonceI, nonceR), hash.data())) {
            throw new IkeProtocolException(NotifyType.INVALID_HASH_INFORMATION, "HASH(3) does not verify");
        }
        return TaskResult.finished();
    }

    /** Whether an ID payload names exactly {@code address} (as an address or a /32 subnet). */
    private static boolean names(IdPayload id, Inet4Address address) {
        Optional<Ipv4Network> network = id.ipv4Network();
        return network.isPresent() && network.get().contains(address) && network.get().prefixLength() == 32;
    }

    private static <T extends Payload> T require(IkeMessage m, Class<T> type) throws IkeProtocolException {
        return m.first(type).orElseThrow(() -> new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED,
                "the gateway's quick mode lacks a " + type.getSimpleName()));
    }
}
