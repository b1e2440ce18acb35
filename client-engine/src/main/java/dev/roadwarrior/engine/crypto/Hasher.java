package dev.roadwarrior.engine.crypto;

/**
 * A plain hash function (no key), as IKEv1 uses it for the phase-1 IV, for phase-2 IVs and for
 * hashing certificates and vendor IDs.
 *
 * <p>Threading: instances are stateless and may be shared between threads.
 */
public interface Hasher {

    /** The IKE algorithm this hasher implements. */
    HashAlgorithm algorithm();

    /** The digest length in bytes. */
    int outputLength();

    /** The digest of the concatenation of {@code data}; the arguments are not modified. */
    byte[] digest(byte[]... data);
}
