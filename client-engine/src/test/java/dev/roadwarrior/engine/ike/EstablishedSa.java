package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.crypto.BlockCipher;
import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.crypto.EncryptionAlgorithm;
import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.keymat.IvManager;
import dev.roadwarrior.engine.ike.keymat.Keymat;
import dev.roadwarrior.engine.ike.keymat.MessageEncryption;
import dev.roadwarrior.engine.ike.proposal.IkeAttributes;
import dev.roadwarrior.engine.ike.proposal.Phase1Choice;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A client {@link IkeSa} after phase 1 with keys derived from fixed inputs (AES-256, SHA1), and
 * the gateway's side of the same keys, so that a test can play the gateway in the exchanges that
 * follow phase 1: it builds HASH-protected, encrypted messages as a gateway does and opens the
 * client's.
 */
final class EstablishedSa {

    private static final byte[] NONCE_I = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f1011121314");
    private static final byte[] NONCE_R = HexFormat.of().parseHex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4");
    private static final byte[] GXY = new byte[256];
    private static final byte[] PUBLIC_I = new byte[256];
    private static final byte[] PUBLIC_R = new byte[256];
    private static final long RESPONDER_COOKIE = 0x1112131415161718L;

    static {
        Arrays.fill(GXY, (byte) 0x5a);
        Arrays.fill(PUBLIC_I, (byte) 0x11);
        Arrays.fill(PUBLIC_R, (byte) 0x22);
    }

    final IkeSa client;
    private final Keymat gatewayKeymat;
    private final MessageEncryption gatewayEncryption;

    EstablishedSa(ConnectRequest request) {
        IkeCrypto crypto = new JcaIkeCrypto();
        client = new IkeSa(request, crypto, new InetSocketAddress("192.0.2.2", 5000),
                new InetSocketAddress("192.0.2.2", 5001), new InetSocketAddress("192.0.2.1", 500));
        client.setResponderCookie(RESPONDER_COOKIE);
        Keymat keymat = keymat(crypto, request);
        client.establish(new Phase1Choice(EncryptionAlgorithm.AES_CBC, 256, HashAlgorithm.SHA1, DhGroup.MODP_2048,
                IkeAttributes.AUTH_XAUTH_INIT_PSK, 86400), keymat, encryption(crypto, keymat));
        gatewayKeymat = keymat(crypto, request);
        gatewayEncryption = encryption(crypto, gatewayKeymat);
    }

    private Keymat keymat(IkeCrypto crypto, ConnectRequest request) {
        byte[] cookies = ByteBuffer.allocate(16).putLong(client.initiatorCookie()).putLong(RESPONDER_COOKIE).array();
        return Keymat.forPreSharedKey(crypto.createPrf(HashAlgorithm.SHA1), request.credentials().preSharedKey(),
                NONCE_I, NONCE_R, GXY, Arrays.copyOf(cookies, 8), Arrays.copyOfRange(cookies, 8, 16));
    }

    private static MessageEncryption encryption(IkeCrypto crypto, Keymat keymat) {
        BlockCipher cipher = crypto.createCipher(EncryptionAlgorithm.AES_CBC, 256);
        return keymat.messageEncryption(cipher,
                new IvManager(crypto.createHasher(HashAlgorithm.SHA1), cipher.blockSize(), PUBLIC_I, PUBLIC_R));
    }

    /** A gateway message: HASH(prf(SKEYID_a, M-ID | payloads)), then {@code payloads}, encrypted. */
    byte[] fromGateway(ExchangeType type, int messageId, List<Payload> payloads) {
        byte[] hash = gatewayKeymat.messageHash(messageId, IkeMessage.encodeChain(payloads));
        List<Payload> all = new ArrayList<>();
        all.add(new HashPayload(hash));
        all.addAll(payloads);
        return encryptedFromGateway(type, messageId, all);
    }

    /** A gateway message of exactly {@code payloads} (the caller computes any HASH), encrypted. */
    byte[] encryptedFromGateway(ExchangeType type, int messageId, List<Payload> payloads) {
        IkeMessage message = new IkeMessage(IkeHeader.of(client.initiatorCookie(), RESPONDER_COOKIE, type,
                IkeHeader.FLAG_ENCRYPTION, messageId), payloads);
        return message.encodeWithBody(gatewayEncryption.encrypt(messageId, message.encodePayloads()));
    }

    /** The gateway's copy of the phase 1 keys (for Quick Mode hashes and KEYMAT). */
    Keymat gatewayKeymat() {
        return gatewayKeymat;
    }

    /** Decrypts a datagram the client sent, without checking any HASH. */
    IkeMessage openAtGateway(byte[] datagram) throws IkeProtocolException, CryptoException {
        IkeHeader header = IkeHeader.decode(datagram);
        byte[] body = gatewayEncryption.decrypt(header.messageId(),
                Arrays.copyOfRange(datagram, IkeHeader.SIZE, header.length()));
        gatewayEncryption.confirm(header.messageId());
        return IkeMessage.decode(header, body);
    }

    /**
     * Decrypts a datagram the client sent and checks its leading HASH as the gateway does for
     * transaction and informational exchanges.
     */
    IkeMessage atGateway(byte[] datagram) throws IkeProtocolException, CryptoException {
        IkeHeader header = IkeHeader.decode(datagram);
        byte[] body = gatewayEncryption.decrypt(header.messageId(),
                Arrays.copyOfRange(datagram, IkeHeader.SIZE, header.length()));
        gatewayEncryption.confirm(header.messageId());
        IkeMessage message = IkeMessage.decode(header, body);
        byte[] expected = gatewayKeymat.messageHash(header.messageId(), message.payloadsAfter(0));
        if (!MessageDigest.isEqual(expected, ((HashPayload) message.payloads().get(0)).data())) {
            throw new AssertionError("the client's HASH does not verify");
        }
        return message;
    }
}
