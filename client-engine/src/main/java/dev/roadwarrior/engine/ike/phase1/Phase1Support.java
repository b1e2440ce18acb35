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
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.VendorId;
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
import dev.roadwarrior.engine.ike.proposal.Phase1Choice;
import dev.roadwarrior.engine.ike.proposal.Phase1Proposals;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What Main Mode and Aggressive Mode share (strongSwan's {@code phase1_t}): the SA offer and
 * the gateway's choice, vendor IDs, the Diffie-Hellman exchange and nonces, key derivation,
 * NAT detection and the {@link Phase1Authenticator}. The tasks own the order of messages; this
 * object owns the values that go into them.
 *
 * <p>NAT-T: the userspace data plane can only send ESP inside UDP, so whenever the gateway
 * speaks NAT-T IKE moves to the NAT-T port, announcing a NAT on our side by a NAT-D hash that
 * cannot match (as strongSwan's {@code encap = yes} does) when no NAT was really found, or, in
 * Main Mode, before the gateway's hashes could show one.
 *
 * <p>Threading: confined to the engine thread.
 */
final class Phase1Support {

    private static final int NONCE_LENGTH = 20;

    private final IkeSa sa;
    private final Phase1Authenticator auth;
    private final SaPayload offer;
    private Phase1Choice choice;
    private Hasher hasher;
    private KeyExchange keyExchange;
    private byte[] publicI;
    private byte[] nonceI;
    private byte[] publicR;
    private Keymat keymat;
    private boolean natDetected;

    Phase1Support(IkeSa sa, Phase1Authenticator auth) {
        this.sa = sa;
        this.auth = auth;
        this.offer = Phase1Proposals.offer(sa.request().phase1(), sa.crypto());
    }

    Phase1Authenticator authenticator() {
        return auth;
    }

    /** Our SA payload (SAi_b is its body). */
    SaPayload offer() {
        return offer;
    }

    /** Whether a NAT was found between us and the gateway. */
    boolean natDetected() {
        return natDetected;
    }

    /** Our ID payload for the IKE socket's address. */
    IdPayload localId() throws ConnectException {
        return auth.localId((Inet4Address) sa.localIke().getAddress());
    }

    /**
     * Takes the gateway's first answer: checks the transform it chose, records its cookie and
     * the extensions its vendor IDs announce.
     *
     * @throws ConnectException NO_PROPOSAL_CHOSEN when it chose something we did not offer
     */
    void accept(IkeMessage reply) throws IkeProtocolException, ConnectException {
        SaPayload chosen = require(reply, SaPayload.class);
        try {
            choice = Phase1Proposals.select(offer, chosen);
        } catch (IkeProtocolException e) {
            throw new ConnectException(FailureReason.NO_PROPOSAL_CHOSEN, e.detail());
        }
        sa.setResponderCookie(reply.header().responderCookie());
        hasher = sa.crypto().createHasher(choice.hash());
        for (VendorIdPayload v : reply.all(VendorIdPayload.class)) {
            VendorId.recognize(v.data()).ifPresent(this::record);
        }
    }

    Phase1Choice choice() {
        return choice;
    }

    /** Starts our half of the Diffie-Hellman exchange in {@code group} and makes our nonce: KE, Ni. */
    List<Payload> keyExchange(DhGroup group) {
        IkeCrypto crypto = sa.crypto();
        keyExchange = crypto.createKeyExchange(group);
        publicI = keyExchange.publicValue();
        nonceI = crypto.randomBytes(NONCE_LENGTH);
        return List.of(new KePayload(publicI), new NoncePayload(nonceI));
    }

    /** Takes the gateway's KE and nonce and derives SKEYID and the keys the method calls for. */
    void deriveKeys(IkeMessage reply) throws IkeProtocolException {
        KePayload ke = require(reply, KePayload.class);
        NoncePayload nonceR = require(reply, NoncePayload.class);
        byte[] gxy;
        try {
            gxy = keyExchange.sharedSecret(ke.data());
        } catch (CryptoException e) {
            throw new IkeProtocolException(NotifyType.INVALID_KEY_INFORMATION, e.detail());
        } finally {
            keyExchange.destroy();
        }
        publicR = ke.data();
        byte[] cookies = sa.cookies();
        keymat = auth.keymat(sa.crypto().createPrf(choice.hash()), nonceI, nonceR.data(), gxy,
                Arrays.copyOf(cookies, 8), Arrays.copyOfRange(cookies, 8, 16));
        Arrays.fill(gxy, (byte) 0);
    }

    /** Switches on the encryption of ISAKMP messages with the derived keys. */
    void establish() {
        BlockCipher cipher = sa.crypto().createCipher(choice.cipher(), choice.keyBits());
        IvManager ivs = new IvManager(hasher, cipher.blockSize(), publicI, publicR);
        sa.establish(choice, keymat, keymat.messageEncryption(cipher, ivs));
    }

    /** Our proof of identity for {@code idI}: HASH_I, or CERT and SIG_I (see the authenticator). */
    List<Payload> proof(IdPayload idI) throws ConnectException {
        byte[] hashI = keymat.hashI(publicI, publicR, offer.encodeBody(), idI.encodeBody());
        return auth.proof(keymat, hashI, sa.cookies());
    }

    /**
     * Checks the gateway's proof in {@code reply}, which carries its ID payload.
     *
     * @return who the gateway proved to be, in words
     */
    String verify(IkeMessage reply) throws IkeProtocolException, ConnectException {
        IdPayload idR = require(reply, IdPayload.class);
        byte[] hashR = keymat.hashR(publicI, publicR, offer.encodeBody(), reply.rawBody(reply.indexOf(IdPayload.class)));
        try {
            return auth.verify(reply, idR, hashR);
        } catch (ConnectException e) {
            if (!sa.hasKeys()) {
                keymat.destroy();
            }
            throw e;
        }
    }

    /**
     * An INITIAL-CONTACT notify (we hold no other SA with this gateway), or nothing when the SA
     * replaces one that must live on for a while (a phase 1 rekey).
     */
    List<NotifyPayload> initialContact() {
        return sa.initialContact()
                ? List.of(new NotifyPayload(1, ProtocolId.ISAKMP, NotifyType.INITIAL_CONTACT, sa.cookies(), new byte[0]))
                : List.of();
    }

    /** Whether both ends speak NAT-T (the profile allows it and the gateway announced it). */
    boolean nattAgreed() {
        return sa.request().transport().natt() != NatTraversalMode.DISABLE
                && (sa.peerFeatures().contains(PeerFeature.NATT_RFC) || sa.peerFeatures().contains(PeerFeature.NATT_DRAFT));
    }

    /**
     * Reads the gateway's NAT-D payloads (its view of our address, then of its own) and moves IKE
     * to the NAT-T port. Nothing happens without NAT-T.
     */
    void detectNatAndFloat(IkeMessage reply) {
        if (!nattAgreed()) {
            return;
        }
        byte[] cookies = sa.cookies();
        List<NatDPayload> received = reply.all(NatDPayload.class);
        if (received.size() >= 2) {
            natDetected = NatDetection.translated(hasher, cookies, sa.localIke(), received.get(0).hash())
                    || NatDetection.translated(hasher, cookies, sa.gateway(), received.get(1).hash());
        }
        sa.floatToNatt(draft());
    }

    /**
     * Our NAT-D payloads for the message about to be sent, from the addresses it travels between:
     * the gateway's, then ours (an unmatchable hash unless a NAT was found). Empty without NAT-T.
     */
    List<Payload> natD() {
        if (!nattAgreed()) {
            return List.of();
        }
        boolean draft = draft();
        byte[] cookies = sa.cookies();
        byte[] remote = NatDetection.hash(hasher, cookies, sa.gateway());
        byte[] local = natDetected ? NatDetection.hash(hasher, cookies, sa.local())
                : sa.crypto().randomBytes(remote.length);
        return List.of(new NatDPayload(draft, remote), new NatDPayload(draft, local));
    }

    private boolean draft() {
        return !sa.peerFeatures().contains(PeerFeature.NATT_RFC);
    }

    private void record(VendorId id) {
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
    }

    /** The vendor IDs we announce for the profile's settings. */
    List<VendorIdPayload> vendorIds() {
        ConnectRequest request = sa.request();
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
