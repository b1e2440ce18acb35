package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.keymat.Keymat;
import dev.roadwarrior.engine.ike.keymat.MessageEncryption;
import dev.roadwarrior.engine.ike.proposal.Phase1Choice;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The state of one ISAKMP SA shared by the tasks of a connection: where it stands
 * ({@link IkeSaState}, moved on by its {@link IkeSaSession}), cookies, negotiated algorithms, keys,
 * NAT-T state and what the gateway announced. Tasks read and fill it in; the {@link TaskManager}
 * uses it to choose the next exchange and to protect (encrypt) and unprotect messages.
 *
 * <p>Threading: confined to the engine thread.
 */
public final class IkeSa {

    /** Extensions the gateway announced with vendor IDs. */
    public enum PeerFeature { XAUTH, UNITY, DPD, FRAGMENTATION, NATT_RFC, NATT_DRAFT, STRONGSWAN }

    private final ConnectRequest request;
    private final IkeCrypto crypto;
    private final InetSocketAddress local;
    private final InetSocketAddress localNatt;
    private final InetSocketAddress gateway;
    private final long initiatorCookie;
    private final boolean initialContact;
    private int pathMtu = Integer.MAX_VALUE;
    private IkeSaState state = IkeSaState.CREATED;
    private long responderCookie;
    private Phase1Choice phase1;
    private Keymat keymat;
    private MessageEncryption encryption;
    private boolean natt;
    private boolean nattDraft;
    private final Set<PeerFeature> peerFeatures = EnumSet.noneOf(PeerFeature.class);

    public IkeSa(ConnectRequest request, IkeCrypto crypto, InetSocketAddress local, InetSocketAddress localNatt,
            InetSocketAddress gateway) {
        this(request, crypto, local, localNatt, gateway, true);
    }

    /**
     * @param initialContact whether phase 1 tells the gateway that we hold no other SA with it
     *     (INITIAL-CONTACT); false for a phase 1 rekey, whose old SA must live on until the new
     *     one carries the traffic
     */
    public IkeSa(ConnectRequest request, IkeCrypto crypto, InetSocketAddress local, InetSocketAddress localNatt,
            InetSocketAddress gateway, boolean initialContact) {
        this.request = request;
        this.initialContact = initialContact;
        this.crypto = crypto;
        this.local = local;
        this.localNatt = localNatt;
        this.gateway = gateway;
        long cookie = 0;
        while (cookie == 0) {
            cookie = ByteBuffer.wrap(crypto.randomBytes(8)).getLong();
        }
        this.initiatorCookie = cookie;
    }

    public ConnectRequest request() {
        return request;
    }

    public IkeCrypto crypto() {
        return crypto;
    }

    /** Our IKE socket's address, as the runtime bound it. */
    public InetSocketAddress local() {
        return natt ? localNatt : local;
    }

    /** Our address and port before any NAT-T float (what NAT-D hashes in phase 1). */
    public InetSocketAddress localIke() {
        return local;
    }

    /** The gateway's address and port IKE currently goes to. */
    public InetSocketAddress gateway() {
        return natt ? new InetSocketAddress(gateway.getAddress(), request.transport().nattPort()) : gateway;
    }

    public long initiatorCookie() {
        return initiatorCookie;
    }

    /** Whether phase 1 announces INITIAL-CONTACT (see the constructor). */
    public boolean initialContact() {
        return initialContact;
    }

    public long responderCookie() {
        return responderCookie;
    }

    public void setResponderCookie(long cookie) {
        this.responderCookie = cookie;
    }

    /** Both cookies, CKY-I then CKY-R: the ISAKMP SA's SPI in notify and delete payloads. */
    public byte[] cookies() {
        return ByteBuffer.allocate(16).putLong(initiatorCookie).putLong(responderCookie).array();
    }

    public Phase1Choice phase1() {
        return phase1;
    }

    /** Records the phase 1 outcome: algorithms, keys and the message encryption built from them. */
    public void establish(Phase1Choice choice, Keymat keys, MessageEncryption messageEncryption) {
        this.phase1 = choice;
        this.keymat = keys;
        this.encryption = messageEncryption;
    }

    public Keymat keymat() {
        return keymat;
    }

    /** Whether phase 1 keys exist, so that messages are encrypted. */
    public boolean hasKeys() {
        return encryption != null;
    }

    public boolean nattActive() {
        return natt;
    }

    /** Moves IKE (and later ESP) to the NAT-T port; {@code draft} selects the draft encapsulation numbers. */
    public void floatToNatt(boolean draft) {
        this.natt = true;
        this.nattDraft = draft;
    }

    public boolean nattDraft() {
        return nattDraft;
    }

    /** Where the SA stands; the task manager starts only the exchanges this state allows. */
    public IkeSaState state() {
        return state;
    }

    /** Moves the SA to {@code next} (by its session only). */
    void state(IkeSaState next) {
        state = next;
    }

    /** The largest IP datagram the path towards the gateway carries, as far as known. */
    public int pathMtu() {
        return pathMtu;
    }

    /** See {@link IkeSession#pathMtu}. */
    void pathMtu(int bytes) {
        pathMtu = bytes;
    }

    public Set<PeerFeature> peerFeatures() {
        return peerFeatures;
    }

    /** A fresh non-zero message ID for a new exchange. */
    public int newMessageId() {
        int id = 0;
        while (id == 0) {
            id = ByteBuffer.wrap(crypto.randomBytes(4)).getInt();
        }
        return id;
    }

    /** The datagram for {@code message}: encrypted when its header has the encryption flag. */
    public byte[] protect(IkeMessage message) {
        if (!message.header().isEncrypted()) {
            return message.encode();
        }
        return message.encodeWithBody(encryption.encrypt(message.header().messageId(), message.encodePayloads()));
    }

    /**
     * Decodes a received datagram, decrypting it when it is encrypted. The caller must
     * {@link #confirm} the message ID once the message's HASH verified.
     *
     * @throws IkeProtocolException for malformed or undecryptable input (with the notify to report)
     */
    public IkeMessage unprotect(byte[] datagram) throws IkeProtocolException {
        IkeHeader header = IkeHeader.decode(datagram);
        if (!header.isEncrypted()) {
            return IkeMessage.decode(datagram);
        }
        if (encryption == null) {
            throw new IkeProtocolException(NotifyType.INVALID_FLAGS, "encrypted message before keys exist");
        }
        try {
            byte[] body = encryption.decrypt(header.messageId(),
                    Arrays.copyOfRange(datagram, IkeHeader.SIZE, header.length()));
            return IkeMessage.decode(header, body);
        } catch (CryptoException e) {
            throw new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, e.detail());
        }
    }

    /** Accepts the last message received with {@code messageId} for the IV chain. */
    public void confirm(int messageId) {
        if (encryption != null) {
            encryption.confirm(messageId);
        }
    }

    /** Wipes the keys; the SA must not be used afterwards. */
    public void destroy() {
        state = IkeSaState.DESTROYED;
        if (keymat != null) {
            keymat.destroy();
        }
        if (encryption != null) {
            encryption.destroy();
        }
    }
}
