package dev.roadwarrior.profiles.model;

import java.util.Objects;

/**
 * The phase 1 (ISAKMP SA) proposal: the Shrew "Phase 1" tab.
 *
 * @param exchange main or aggressive mode
 * @param cipher the cipher, or auto
 * @param keyLength the key length in bits for AES/Blowfish, 0 for auto (proposes 256, 192, 128)
 * @param hash the hash, or auto
 * @param dhGroup the Diffie-Hellman group, or auto (proposes 14, 5, 2, 1)
 * @param lifetime the proposed lifetime
 * @param checkPointVendorId true to send the Check Point compatibility vendor ID
 */
public record Phase1(ExchangeMode exchange, Cipher cipher, int keyLength, HashAlgorithm hash, DhGroup dhGroup,
        Lifetime lifetime, boolean checkPointVendorId) {

    public Phase1 {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(dhGroup, "dhGroup");
        Objects.requireNonNull(lifetime, "lifetime");
        if (!cipher.isPhase1Cipher()) {
            throw new IllegalArgumentException(cipher + " exists only for phase 2");
        }
        if (!cipher.acceptsKeyLength(keyLength)) {
            throw new IllegalArgumentException("key length " + keyLength + " does not fit " + cipher);
        }
    }
}
