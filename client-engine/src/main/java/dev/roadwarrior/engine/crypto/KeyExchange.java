package dev.roadwarrior.engine.crypto;

/**
 * One side of one Diffie-Hellman exchange: a fresh private value, created by
 * {@link IkeCrypto#createKeyExchange}, used for one phase-1 exchange or one PFS quick mode.
 *
 * <p>Encodings (RFC 2409 §5, RFC 5903 §7): a MODP public value and shared secret are big-endian
 * integers left-padded with zeros to the length of the prime; an ECP public value is
 * {@code x | y} without the 0x04 point-format octet, each coordinate left-padded to the field
 * length, and the ECP shared secret is the x coordinate alone.
 *
 * <p>Threading: confine an instance to one thread (the engine thread).
 */
public interface KeyExchange {

    /** The group of this exchange. */
    DhGroup group();

    /** Our public value for the KE payload, in the encoding above; a new array on each call. */
    byte[] publicValue();

    /**
     * Computes g^xy from the peer's KE payload data, validating it first: it must have the
     * group's exact length; a MODP value must lie in [2, p-2]; an ECP value must be a point of the
     * curve other than the identity.
     *
     * @return the shared secret, in the encoding above
     * @throws CryptoException with {@link CryptoException.Reason#PUBLIC_VALUE_LENGTH},
     *     {@link CryptoException.Reason#PUBLIC_VALUE_OUT_OF_RANGE} or
     *     {@link CryptoException.Reason#POINT_NOT_ON_CURVE}
     * @throws IllegalStateException after {@link #destroy()}
     */
    byte[] sharedSecret(byte[] peerPublicValue) throws CryptoException;

    /** Forgets the private value; later {@link #sharedSecret} calls fail. Idempotent. */
    void destroy();
}
