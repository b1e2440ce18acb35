package dev.roadwarrior.engine.crypto;

/**
 * The cryptography the IKEv1 engine needs, behind one injected interface: ciphers for message
 * bodies, hashes, the prf, Diffie-Hellman and random bytes. Capability queries ({@code has...})
 * tell the proposal layer what it may offer or accept; factories ({@code create...}) build the
 * primitives. Calling a factory for something its query denies is a programming error and
 * throws {@link IllegalArgumentException}.
 *
 * <p>Algorithms and groups are open values ({@link EncryptionAlgorithm}, {@link HashAlgorithm},
 * {@link DhGroup}); queries simply answer {@code false} for values an implementation does not
 * know.
 *
 * <p>Threading: implementations are thread-safe; the primitives they create document their own
 * threading.
 */
public interface IkeCrypto {

    /**
     * Whether {@code algorithm} is available with a key of {@code keyLengthBits} bits (the IKE
     * Key Length attribute, or {@link EncryptionAlgorithm#defaultKeyLengthBits()} when the
     * proposal has none).
     */
    boolean hasCipher(EncryptionAlgorithm algorithm, int keyLengthBits);

    /** A CBC cipher for {@code algorithm} with a key of {@code keyLengthBits} bits. */
    BlockCipher createCipher(EncryptionAlgorithm algorithm, int keyLengthBits);

    /** Whether {@code algorithm} is available as a hash and as a prf (its HMAC). */
    boolean hasHash(HashAlgorithm algorithm);

    /** The plain hash function {@code algorithm}. */
    Hasher createHasher(HashAlgorithm algorithm);

    /** The IKEv1 prf for {@code algorithm}: HMAC over that hash. */
    Prf createPrf(HashAlgorithm algorithm);

    /** Whether Diffie-Hellman in {@code group} is available. */
    boolean hasDhGroup(DhGroup group);

    /** A new key exchange in {@code group} with a fresh private value. */
    KeyExchange createKeyExchange(DhGroup group);

    /** {@code length} bytes from a cryptographically strong generator (cookies, nonces, SPIs). */
    byte[] randomBytes(int length);
}
