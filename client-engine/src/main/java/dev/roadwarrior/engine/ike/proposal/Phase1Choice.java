package dev.roadwarrior.engine.ike.proposal;

import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.crypto.EncryptionAlgorithm;
import dev.roadwarrior.engine.crypto.HashAlgorithm;

/**
 * The phase 1 transform the gateway chose.
 *
 * @param cipher encryption algorithm
 * @param keyBits key length in bits (the algorithm's fixed length when the transform had none)
 * @param hash hash and prf
 * @param group Diffie-Hellman group
 * @param authMethod the authentication method attribute value
 * @param lifetimeSeconds lifetime in seconds, 0 when none was given
 */
public record Phase1Choice(EncryptionAlgorithm cipher, int keyBits, HashAlgorithm hash, DhGroup group,
        int authMethod, long lifetimeSeconds) {

    @Override
    public String toString() {
        return cipher + "-" + keyBits + "/" + hash + "/" + group;
    }
}
