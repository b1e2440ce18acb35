package dev.roadwarrior.engine.crypto;

/**
 * A block cipher in CBC mode without padding, for IKE message bodies (which IKE pads itself,
 * RFC 2409 Appendix B). One instance stands for one algorithm and key length; the key and the
 * IV are passed with each call, so an instance holds no secrets.
 *
 * <p>Contract: {@code key.length == keyLength()}, {@code iv.length == blockSize()} and the data
 * length a multiple of {@link #blockSize()} (zero allowed); anything else is a programming error
 * and throws {@link IllegalArgumentException}. The result is a new array of the same length as
 * the data; the arguments are not modified.
 *
 * <p>Threading: instances are stateless and may be shared between threads.
 */
public interface BlockCipher {

    /** The IKE algorithm this cipher implements. */
    EncryptionAlgorithm algorithm();

    /** The block size in bytes (8 or 16); also the IV length. */
    int blockSize();

    /** The key length in bytes. */
    int keyLength();

    /** Encrypts whole blocks in CBC mode starting from {@code iv}. */
    byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext);

    /** Decrypts whole blocks in CBC mode starting from {@code iv}. */
    byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext);
}
