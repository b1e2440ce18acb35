package dev.roadwarrior.engine.ike.auth;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.FailureReason;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * RSA signatures as IKEv1 makes them (RFC 2409 §5.1): PKCS#1 v1.5 (block type 1) over the raw
 * HASH_I or HASH_R, <em>without</em> the DigestInfo wrapper that ordinary RSA signatures put
 * around a digest. strongSwan calls this scheme {@code SIGN_RSA_EMSA_PKCS1_NULL}; the JCA name is
 * {@code NONEwithRSA}.
 */
public final class RsaSignatures {

    private static final String ALGORITHM = "NONEwithRSA";

    private RsaSignatures() {
    }

    /**
     * Signs {@code hash} with our key.
     *
     * @throws ConnectException CERTIFICATE_FILE_UNUSABLE when the key cannot sign (not RSA, too
     *     short for the hash)
     */
    public static byte[] sign(PrivateKey key, byte[] hash) throws ConnectException {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(hash);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new ConnectException(FailureReason.CERTIFICATE_FILE_UNUSABLE,
                    "the private key cannot sign: " + e.getMessage(), e);
        }
    }

    /** Whether {@code signature} is a valid signature of {@code hash} by {@code key}'s owner. */
    public static boolean verify(PublicKey key, byte[] hash, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(hash);
            return s.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // not an RSA key, or a malformed signature: it does not verify
        }
    }
}
