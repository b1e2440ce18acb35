package dev.roadwarrior.engine.crypto;

/**
 * The IKEv1 pseudo-random function: HMAC (RFC 2104) over the negotiated hash. Every IKEv1 key
 * and authentication hash is {@code prf(key, data)}.
 *
 * <p>Contract: any key length is accepted, including zero and lengths above the hash block size
 * (which HMAC hashes first). The output always has {@link #outputLength()} bytes.
 *
 * <p>Threading: instances are stateless and may be shared between threads.
 */
public interface Prf {

    /** The hash this HMAC is built on. */
    HashAlgorithm algorithm();

    /** The output length in bytes (the hash's digest length). */
    int outputLength();

    /** {@code HMAC(key, data[0] | data[1] | ...)}; the arguments are not modified. */
    byte[] compute(byte[] key, byte[]... data);
}
