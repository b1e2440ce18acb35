package dev.roadwarrior.engine.esp;

import java.util.Optional;

/**
 * A negotiated ESP transform: cipher, key length and integrity algorithm.
 *
 * <p>Key material layout (RFC 2409 §5.5 usage, as in strongSwan, Linux and Windows): the Quick
 * Mode KEYMAT of one direction is split as encryption key first, then integrity key:
 * {@code KEYMAT = encryptionKey[encryptionKeyLength()] || integrityKey[integrityKeyLength()]}.
 * For AES-GCM the encryption key is the AES key followed by the 4-byte salt (RFC 4106 §8.1).
 *
 * @param encryption the cipher
 * @param keyBits the cipher key length in bits, without the GCM salt
 * @param integrity the integrity algorithm; {@link EspIntegrity#NONE} for AES-GCM
 */
public record EspTransform(EspEncryption encryption, int keyBits, EspIntegrity integrity) {

    /** AES-128-CBC with HMAC-SHA1-96, the most widely deployed IKEv1 ESP transform. */
    public static final EspTransform AES_128_SHA1 =
            new EspTransform(EspEncryption.AES_CBC, 128, EspIntegrity.HMAC_SHA1_96);

    /**
     * @throws IllegalArgumentException when the key length does not fit the cipher, or an AEAD
     *     cipher is combined with an integrity algorithm
     */
    public EspTransform {
        if (!encryption.supportsKeyBits(keyBits)) {
            throw new IllegalArgumentException("key length " + keyBits + " not allowed for " + encryption);
        }
        if (encryption.isAead() && integrity != EspIntegrity.NONE) {
            throw new IllegalArgumentException(encryption + " cannot be combined with " + integrity);
        }
    }

    /**
     * Maps the values of a Quick Mode transform payload to a transform.
     *
     * @param transformId the ESP transform ID
     * @param keyLengthBits the Key Length attribute, or 0 when absent (the cipher's default is used)
     * @param authAlgorithm the Authentication Algorithm attribute, or 0 when absent
     * @return the transform, or empty when we do not implement the combination
     */
    public static Optional<EspTransform> fromIke(int transformId, int keyLengthBits, int authAlgorithm) {
        Optional<EspEncryption> encryption = EspEncryption.fromTransformId(transformId);
        Optional<EspIntegrity> integrity = EspIntegrity.fromAuthAlgorithm(authAlgorithm);
        if (encryption.isEmpty() || integrity.isEmpty()) {
            return Optional.empty();
        }
        int bits = keyLengthBits == 0 ? encryption.get().defaultKeyBits() : keyLengthBits;
        if (!encryption.get().supportsKeyBits(bits) || encryption.get().isAead() && integrity.get() != EspIntegrity.NONE) {
            return Optional.empty();
        }
        return Optional.of(new EspTransform(encryption.get(), bits, integrity.get()));
    }

    /** Whether the cipher is AEAD (AES-GCM). */
    public boolean isAead() {
        return encryption.isAead();
    }

    /** Bytes of KEYMAT for the cipher: the key and, for GCM, the salt. */
    public int encryptionKeyLength() {
        return keyBits / 8 + encryption.saltLength();
    }

    /** Bytes of KEYMAT for the integrity key (0 for AES-GCM and {@link EspIntegrity#NONE}). */
    public int integrityKeyLength() {
        return integrity.keyLength();
    }

    /** Bytes of KEYMAT one direction needs: {@code encryptionKeyLength() + integrityKeyLength()}. */
    public int keymatLength() {
        return encryptionKeyLength() + integrityKeyLength();
    }

    /** Length of the explicit IV in each packet. */
    public int ivLength() {
        return encryption.ivLength();
    }

    /** Length of the ICV at the end of each packet. */
    public int icvLength() {
        return isAead() ? encryption.icvLength() : integrity.icvLength();
    }

    /** The payload alignment: the cipher block size, but at least 4 bytes (RFC 4303 §2.4). */
    public int alignment() {
        return Math.max(encryption.blockSize(), 4);
    }

    /**
     * The most an ESP packet can exceed its inner packet: SPI, sequence number, IV, the longest
     * padding, pad length, next header and ICV.
     */
    public int maxOverhead() {
        return 8 + ivLength() + alignment() - 1 + 2 + icvLength();
    }

    @Override
    public String toString() {
        return encryption + "-" + keyBits + (integrity == EspIntegrity.NONE ? "" : "/" + integrity);
    }
}
