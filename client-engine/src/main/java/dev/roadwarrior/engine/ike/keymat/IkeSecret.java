package dev.roadwarrior.engine.ike.keymat;

import dev.roadwarrior.engine.crypto.BlockCipher;
import dev.roadwarrior.engine.crypto.Prf;
import java.util.Arrays;

/**
 * One secret of an ISAKMP SA (SKEYID, SKEYID_d, SKEYID_a, SKEYID_e, the phase 1 encryption key),
 * opaque like Bouncy Castle's {@code TlsSecret}: the IKE code computes with it (a prf keyed with
 * it, CBC with it as the key, a new secret derived from it) and never holds its bytes. It owns
 * its bytes; {@link #destroy()} overwrites them, and any use afterwards throws
 * {@link IllegalStateException}.
 *
 * <p>Only this package holds secrets: {@link Keymat} keeps them and hands out what is made with
 * them. Their bytes ({@link #bytes()}) are read only here, where one secret is the input of the
 * next (SKEYID_a is derived from SKEYID_d) or the RFC's key expansion needs them.
 *
 * <p>Threading: confine an instance to the engine thread ({@link #destroy()} mutates it).
 */
final class IkeSecret {

    private final byte[] key;
    private boolean destroyed;

    /** Takes ownership of {@code key}: the caller must not keep or change it. */
    IkeSecret(byte[] key) {
        this.key = key;
    }

    /** {@code prf(this, data[0] | data[1] | ...)}. */
    byte[] prf(Prf prf, byte[]... data) {
        return prf.compute(bytes(), data);
    }

    /** A new secret {@code prf(this, data[0] | data[1] | ...)}. */
    IkeSecret derive(Prf prf, byte[]... data) {
        return new IkeSecret(prf(prf, data));
    }

    /** The length in bytes. */
    int length() {
        return key.length;
    }

    /** CBC-encrypts whole blocks with this secret as the key (see {@link BlockCipher#encrypt}). */
    byte[] encrypt(BlockCipher cipher, byte[] iv, byte[] plaintext) {
        return cipher.encrypt(bytes(), iv, plaintext);
    }

    /** CBC-decrypts whole blocks with this secret as the key (see {@link BlockCipher#decrypt}). */
    byte[] decrypt(BlockCipher cipher, byte[] iv, byte[] ciphertext) {
        return cipher.decrypt(bytes(), iv, ciphertext);
    }

    /** Overwrites the secret with zeros. */
    void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    /** The secret itself, not a copy: for derivations inside this package only. */
    byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("the key has been destroyed");
        }
        return key;
    }

    @Override
    public String toString() {
        return "IkeSecret[" + key.length + " bytes" + (destroyed ? ", destroyed" : "") + "]";
    }
}
