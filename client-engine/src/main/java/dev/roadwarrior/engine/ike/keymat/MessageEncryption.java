package dev.roadwarrior.engine.ike.keymat;

import dev.roadwarrior.engine.crypto.BlockCipher;
import dev.roadwarrior.engine.crypto.CryptoException;
import java.util.Arrays;

/**
 * Encrypts and decrypts the bodies (everything after the 28-byte header) of the ISAKMP messages
 * of one ISAKMP SA, keeping the {@link IvManager} chains in step.
 *
 * <p>Padding: RFC 2409 pads to the cipher's block size with zero bytes. A body gets 1 to
 * block-size zero bytes (a whole block when it is already aligned), as strongSwan sends it. Received padding is not checked or removed, since gateways differ in what
 * they put there (zeros, or a count in the last byte): {@link #decrypt} returns every decrypted
 * byte and the codec ends the message where its last payload ends.
 *
 * <p>Sent messages: call {@link #encrypt} once per message; a retransmission resends the same
 * bytes and must not be encrypted again. Received messages: {@link #decrypt}, verify the HASH,
 * then {@link #confirm} so that the message's last block becomes the exchange's next IV.
 *
 * <p>Threading: confine an instance to the engine thread.
 */
public final class MessageEncryption {

    private final BlockCipher cipher;
    private final IkeSecret key;
    private final IvManager ivs;

    /**
     * @param cipher the negotiated phase-1 cipher
     * @param key the phase-1 encryption key Ka of the cipher's key length; this instance owns it
     * @param ivs the SA's IV chains (built with the cipher's block size)
     * @see Keymat#messageEncryption
     */
    MessageEncryption(BlockCipher cipher, IkeSecret key, IvManager ivs) {
        if (key.length() != cipher.keyLength()) {
            throw new IllegalArgumentException(cipher.algorithm() + " needs a " + cipher.keyLength() + "-byte key");
        }
        this.cipher = cipher;
        this.key = key;
        this.ivs = ivs;
    }

    /** Pads and encrypts a message body; its last block becomes the exchange's next IV at once. */
    public byte[] encrypt(int messageId, byte[] body) {
        byte[] ciphertext = key.encrypt(cipher, ivs.iv(messageId), pad(body, cipher.blockSize()));
        ivs.update(messageId, lastBlock(ciphertext));
        ivs.confirm(messageId);
        return ciphertext;
    }

    /**
     * Decrypts a received message body, padding included, and stages its last block as the next
     * IV (see {@link #confirm}).
     *
     * @throws CryptoException {@link CryptoException.Reason#CIPHERTEXT_LENGTH} when the body is
     *     empty or not a whole number of blocks
     */
    public byte[] decrypt(int messageId, byte[] body) throws CryptoException {
        if (body.length == 0 || body.length % cipher.blockSize() != 0) {
            throw new CryptoException(CryptoException.Reason.CIPHERTEXT_LENGTH,
                    body.length + " bytes are not whole " + cipher.algorithm() + " blocks");
        }
        byte[] plaintext = key.decrypt(cipher, ivs.iv(messageId), body);
        ivs.update(messageId, lastBlock(body));
        return plaintext;
    }

    /** Accepts the last received message with {@code messageId}: its last block becomes the IV. */
    public void confirm(int messageId) {
        ivs.confirm(messageId);
    }

    /** Overwrites the key with zeros; the instance must not be used afterwards. */
    public void destroy() {
        key.destroy();
    }

    /** {@code body} followed by 1 to {@code blockSize} zero bytes, up to a whole number of blocks. */
    static byte[] pad(byte[] body, int blockSize) {
        return Arrays.copyOf(body, body.length + blockSize - body.length % blockSize);
    }

    private byte[] lastBlock(byte[] ciphertext) {
        return Arrays.copyOfRange(ciphertext, ciphertext.length - cipher.blockSize(), ciphertext.length);
    }
}
