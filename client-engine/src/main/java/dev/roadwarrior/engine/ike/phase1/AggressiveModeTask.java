package dev.roadwarrior.engine.ike.phase1;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.NatTraversalMode;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.crypto.BlockCipher;
import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.crypto.Hasher;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.KeyExchange;
import dev.roadwarrior.engine.ike.IkeSa;
import dev.roadwarrior.engine.ike.IkeSa.PeerFeature;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.VendorId;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.KePayload;
import dev.roadwarrior.engine.ike.codec.payload.NatDPayload;
import dev.roadwarrior.engine.ike.codec.payload.NoncePayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SaPayload;
import dev.roadwarrior.engine.ike.codec.payload.VendorIdPayload;
import dev.roadwarrior.engine.ike.keymat.IvManager;
import dev.roadwarrior.engine.ike.keymat.Keymat;
import dev.roadwarrior.engine.ike.keymat.MessageEncryption;
import dev.roadwarrior.engine.ike.proposal.Phase1Choice;
import dev.roadwarrior.engine.ike.proposal.Phase1Proposals;
import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.engine.ike.task.TaskResult;
import java.net.Inet4Address;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggressive Mode as initiator with a pre-shared key (RFC 2409 §5.4), with XAuth and NAT-T:
 * <pre>
 * HDR, SA, KE, Ni, IDii, VIDs          --&gt;
 *                                      &lt;--  HDR, SA, KE, Nr, IDir, HASH_R, VIDs, NAT-D, NAT-D
 * HDR*, HASH_I, NAT-D, NAT-D, N(INITIAL-CONTACT)  --&gt;   (to port 4500 once NAT-T is agreed)
 * </pre>
 *
 * <p>The userspace data plane can only send ESP inside UDP, so whenever the gateway speaks NAT-T
 * this task moves to the NAT-T port, announcing a NAT on our side by a NAT-D hash that cannot
 * match (as strongSwan's {@code encap = yes} does) when no NAT was really found.
 */
public final class AggressiveModeTask implements Task {

    private static final int NONCE_LENGTH = 20;

    private final IkeSa sa;
    private final SaPayload offer;
    private KeyExchange keyExchange;
    private byte[] nonceI;
    private IdPayload idI;
    private boolean natDetected;
    private boolean floated;

    public AggressiveModeTask(IkeSa sa) {
        this.sa = sa;
        this.offer = Phase1Proposals.offer(sa.request().phase1(), sa.crypto());
    }

    /** Whether a NAT was found between us and the gateway. */
    public boolean natDetected() {
        return natDetected;
    }

    @Override
    public IkeMessage build() throws ConnectException {
        ConnectRequest.Phase1 p1 = sa.request().phase1();
        if (!p1.auth().usesPreSharedKey()) {
            throw new ConnectException(FailureReason.NOT_SUPPORTED, "authentication method " + p1.auth()
                    + " is not supported yet");
        }
        IkeCrypto crypto = sa.crypto();
        keyExchange = crypto.createKeyExchange(DhGroup.of(p1.proposals().get(0).dhGroup()));
        nonceI = crypto.randomBytes(NONCE_LENGTH);
        idI = Identities.local(p1.localId(), (Inet4Address) sa.localIke().getAddress());
        List<Payload> payloads = new ArrayList<>(List.of(offer, new KePayload(keyExchange.publicValue()),
                new NoncePayload(nonceI), idI));
        payloads.addAll(vendorIds(sa.request()));
        return new IkeMessage(IkeHeader.of(sa.initiatorCookie(), 0, ExchangeType.AGGRESSIVE, 0, 0), payloads);
    }

    @Override
    public TaskResult process(IkeMessage reply) throws IkeProtocolException, ConnectException {
        if (!reply.header().exchangeType().equals(ExchangeType.AGGRESSIVE) || reply.header().isEncrypted()) {
            throw new IkeProtocolException(NotifyType.INVALID_EXCHANGE_TYPE, "expected the aggressive mode answer");
        }
        SaPayload chosenSa = require(reply, SaPayload.class);
        KePayload ke = require(reply, KePayload.class);
        NoncePayload nonceR = require(reply, NoncePayload.class);
        IdPayload idR = require(reply, IdPayload.class);
        HashPayload hashR = require(reply, HashPayload.class);
        Phase1Choice choice;
        try {
            choice = Phase1Proposals.select(offer, chosenSa);
        } catch (IkeProtocolException e) {
            throw new ConnectException(FailureReason.NO_PROPOSAL_CHOSEN, e.detail());
        }
        sa.setResponderCookie(reply.header().responderCookie());
        recordVendorIds(reply);

        IkeCrypto crypto = sa.crypto();
        byte[] gxy;
        try {
            gxy = keyExchange.sharedSecret(ke.data());
        } catch (CryptoException e) {
            throw new IkeProtocolException(NotifyType.INVALID_KEY_INFORMATION, e.detail());
        } finally {
            keyExchange.destroy();
        }
        byte[] ckyI = sa.cookies();
        byte[] cookieI = java.util.Arrays.copyOf(ckyI, 8);
        byte[] cookieR = java.util.Arrays.copyOfRange(ckyI, 8, 16);
        Keymat keymat = Keymat.forPreSharedKey(crypto.createPrf(choice.hash()),
                sa.request().credentials().preSharedKey(), nonceI, nonceR.data(), gxy, cookieI, cookieR);
        java.util.Arrays.fill(gxy, (byte) 0);
        byte[] saIBody = offer.encodeBody();
        byte[] publicI = keyExchange.publicValue();
        byte[] expected = keymat.hashR(publicI, ke.data(), saIBody, reply.rawBody(reply.indexOf(IdPayload.class)));
        if (!MessageDigest.isEqual(expected, hashR.data())) {
            keymat.destroy();
            throw new ConnectException(FailureReason.WRONG_GROUP_PASSWORD,
                    "the gateway's HASH_R does not match: the group password (pre-shared key) differs");
        }
        Identities.checkRemote(sa.request().phase1().remoteId(), idR);

        BlockCipher cipher = crypto.createCipher(choice.cipher(), choice.keyBits());
        Hasher hasher = crypto.createHasher(choice.hash());
        IvManager ivs = new IvManager(hasher, cipher.blockSize(), publicI, ke.data());
        sa.establish(choice, keymat, new MessageEncryption(cipher, keymat.encryptionKey(cipher.keyLength()), ivs));

        List<Payload> payloads = new ArrayList<>();
        payloads.add(new HashPayload(keymat.hashI(publicI, ke.data(), saIBody, idI.encodeBody())));
        payloads.addAll(natDetection(reply, hasher));
        payloads.add(new NotifyPayload(1, ProtocolId.ISAKMP, NotifyType.INITIAL_CONTACT, sa.cookies(), new byte[0]));
        return TaskResult.finished(new IkeMessage(IkeHeader.of(sa.initiatorCookie(), sa.responderCookie(),
                ExchangeType.AGGRESSIVE, IkeHeader.FLAG_ENCRYPTION, 0), payloads));
    }

    /** Detects NATs, floats to the NAT-T port when the gateway speaks NAT-T, and builds our NAT-D payloads. */
    private List<Payload> natDetection(IkeMessage reply, Hasher hasher) {
        boolean rfc = sa.peerFeatures().contains(PeerFeature.NATT_RFC);
        boolean draft = !rfc && sa.peerFeatures().contains(PeerFeature.NATT_DRAFT);
        if (sa.request().transport().natt() == NatTraversalMode.DISABLE || !rfc && !draft) {
            return List.of();
        }
        byte[] cookies = sa.cookies();
        List<NatDPayload> received = reply.all(NatDPayload.class);
        if (received.size() >= 2) {
            natDetected = NatDetection.translated(hasher, cookies, sa.localIke(), received.get(0).hash())
                    || NatDetection.translated(hasher, cookies, sa.gateway(), received.get(1).hash());
        }
        sa.floatToNatt(draft);
        floated = true;
        byte[] remote = NatDetection.hash(hasher, cookies, sa.gateway());
        byte[] local = natDetected ? NatDetection.hash(hasher, cookies, sa.local()) : sa.crypto().randomBytes(remote.length);
        return List.of(new NatDPayload(draft, remote), new NatDPayload(draft, local));
    }

    /** Whether IKE moved to the NAT-T port. */
    public boolean floated() {
        return floated;
    }

    private void recordVendorIds(IkeMessage reply) {
        for (VendorIdPayload v : reply.all(VendorIdPayload.class)) {
            VendorId.recognize(v.data()).ifPresent(id -> {
                switch (id) {
                    case XAUTH: sa.peerFeatures().add(PeerFeature.XAUTH); break;
                    case CISCO_UNITY: sa.peerFeatures().add(PeerFeature.UNITY); break;
                    case DPD: sa.peerFeatures().add(PeerFeature.DPD); break;
                    case FRAGMENTATION: sa.peerFeatures().add(PeerFeature.FRAGMENTATION); break;
                    case NATT_RFC3947: sa.peerFeatures().add(PeerFeature.NATT_RFC); break;
                    case NATT_DRAFT_02: case NATT_DRAFT_02N: case NATT_DRAFT_03:
                        sa.peerFeatures().add(PeerFeature.NATT_DRAFT);
                        break;
                    case STRONGSWAN: sa.peerFeatures().add(PeerFeature.STRONGSWAN); break;
                    default: break;
                }
            });
        }
    }

    /** The vendor IDs we announce for the profile's settings. */
    static List<VendorIdPayload> vendorIds(ConnectRequest request) {
        List<VendorIdPayload> ids = new ArrayList<>();
        if (request.phase1().auth().usesXauth()) {
            ids.add(VendorId.XAUTH.payload());
        }
        ids.add(VendorId.CISCO_UNITY.payload());
        if (request.transport().dpd()) {
            ids.add(VendorId.DPD.payload());
        }
        switch (request.transport().natt()) {
            case ENABLE:
                ids.add(VendorId.NATT_RFC3947.payload());
                ids.add(VendorId.NATT_DRAFT_03.payload());
                ids.add(VendorId.NATT_DRAFT_02N.payload());
                ids.add(VendorId.NATT_DRAFT_02.payload());
                ids.add(VendorId.NATT_DRAFT_01.payload());
                ids.add(VendorId.NATT_DRAFT_00.payload());
                break;
            case FORCE_RFC:
                ids.add(VendorId.NATT_RFC3947.payload());
                ids.add(VendorId.NATT_DRAFT_03.payload());
                ids.add(VendorId.NATT_DRAFT_02N.payload());
                break;
            case FORCE_DRAFT:
                ids.add(VendorId.NATT_DRAFT_03.payload());
                ids.add(VendorId.NATT_DRAFT_02N.payload());
                break;
            default:
                break;
        }
        if (request.transport().fragmentation() != ConnectRequest.FragmentationMode.DISABLE) {
            ids.add(VendorId.FRAGMENTATION.payload());
        }
        return ids;
    }

    static <T extends Payload> T require(IkeMessage m, Class<T> type) throws IkeProtocolException {
        return m.first(type).orElseThrow(() -> new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED,
                "the message lacks a " + type.getSimpleName()));
    }
}
