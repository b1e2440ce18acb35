package dev.roadwarrior.engine.ike.keymat;

import dev.roadwarrior.engine.crypto.BlockCipher;
import dev.roadwarrior.engine.crypto.Prf;
import java.util.Arrays;

/**
 * The keys of one ISAKMP SA and the hashes made with them (RFC 2409 §5 and Appendix B).
 *
 * <p>Build one with {@link #forPreSharedKey} (authentication methods pre-shared key and XAuth
 * with pre-shared key) or {@link #forSignatures} (RSA/DSS signatures, XAuth with RSA, hybrid
 * RSA). Either derives SKEYID, then
 * <pre>
 * SKEYID_d = prf(SKEYID, g^xy | CKY-I | CKY-R | 0)
 * SKEYID_a = prf(SKEYID, SKEYID_d | g^xy | CKY-I | CKY-R | 1)
 * SKEYID_e = prf(SKEYID, SKEYID_a | g^xy | CKY-I | CKY-R | 2)
 * </pre>
 * Nonces, KE values, SA and ID payloads are passed as their bodies on the wire (without the
 * generic payload header); callers always pass values in initiator/responder order, and they are
 * reordered here where the RFC says so (HASH_R).
 * Arrays returned are new; arrays passed in are neither kept nor modified.
 *
 * <p>The keys are {@link IkeSecret}s that never leave this class: callers get the hashes made
 * with them, a {@link MessageEncryption} that holds its own Ka, and the Quick Mode KEYMAT for the
 * data plane ({@link #quickModeKeymat}, the one place key bytes are handed out). The
 * package-private key getters are for known-answer tests.
 *
 * <p>Threading: confine an instance to the engine thread ({@link #destroy()} mutates it).
 */
public final class Keymat {

    private final Prf prf;
    private final byte[] cookieI;
    private final byte[] cookieR;
    private final IkeSecret skeyid;
    private final IkeSecret skeyidD;
    private final IkeSecret skeyidA;
    private final IkeSecret skeyidE;

    private Keymat(Prf prf, byte[] skeyid, byte[] gxy, byte[] cookieI, byte[] cookieR) {
        this.prf = prf;
        this.cookieI = cookieI.clone();
        this.cookieR = cookieR.clone();
        this.skeyid = new IkeSecret(skeyid);
        this.skeyidD = this.skeyid.derive(prf, gxy, cookieI, cookieR, new byte[] {0});
        this.skeyidA = this.skeyid.derive(prf, skeyidD.bytes(), gxy, cookieI, cookieR, new byte[] {1});
        this.skeyidE = this.skeyid.derive(prf, skeyidA.bytes(), gxy, cookieI, cookieR, new byte[] {2});
    }

    /** SKEYID = prf(pre-shared-key, Ni_b | Nr_b), then the derived keys. */
    public static Keymat forPreSharedKey(Prf prf, byte[] preSharedKey, byte[] nonceI, byte[] nonceR,
            byte[] gxy, byte[] cookieI, byte[] cookieR) {
        return new Keymat(prf, prf.compute(preSharedKey, nonceI, nonceR), gxy, cookieI, cookieR);
    }

    /** SKEYID = prf(Ni_b | Nr_b, g^xy), then the derived keys. */
    public static Keymat forSignatures(Prf prf, byte[] nonceI, byte[] nonceR, byte[] gxy,
            byte[] cookieI, byte[] cookieR) {
        return new Keymat(prf, prf.compute(Bytes.concat(nonceI, nonceR), gxy), gxy, cookieI, cookieR);
    }

    /** The negotiated prf. */
    public Prf prf() {
        return prf;
    }

    /**
     * Encryption and decryption of this SA's message bodies with the phase-1 encryption key Ka
     * (RFC 2409 Appendix B) of the cipher's key length: the first bytes of SKEYID_e, or, when
     * SKEYID_e is too short, of K1 | K2 | ... with K1 = prf(SKEYID_e, 0) and Kn = prf(SKEYID_e,
     * K(n-1)). The returned object owns its copy of Ka and wipes it in its {@code destroy()}.
     */
    public MessageEncryption messageEncryption(BlockCipher cipher, IvManager ivs) {
        return new MessageEncryption(cipher, new IkeSecret(encryptionKey(cipher.keyLength())), ivs);
    }

    /** Known-answer tests only: Ka of {@code length} bytes (see {@link #messageEncryption}). */
    byte[] encryptionKey(int length) {
        return encryptionKey(prf, skeyidE.bytes(), length);
    }

    /** Known-answer tests only: a copy of SKEYID. */
    byte[] skeyid() {
        return skeyid.bytes().clone();
    }

    /** Known-answer tests only: a copy of SKEYID_d. */
    byte[] skeyidD() {
        return skeyidD.bytes().clone();
    }

    /** Known-answer tests only: a copy of SKEYID_a. */
    byte[] skeyidA() {
        return skeyidA.bytes().clone();
    }

    /** Known-answer tests only: a copy of SKEYID_e. */
    byte[] skeyidE() {
        return skeyidE.bytes().clone();
    }

    static byte[] encryptionKey(Prf prf, byte[] skeyidE, int length) {
        if (length <= skeyidE.length) {
            return Arrays.copyOf(skeyidE, length);
        }
        return expand(prf, skeyidE, new byte[] {0}, new byte[0], length);
    }

    /** HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b). */
    public byte[] hashI(byte[] publicI, byte[] publicR, byte[] saIBody, byte[] idIBody) {
        return skeyid.prf(prf, publicI, publicR, cookieI, cookieR, saIBody, idIBody);
    }

    /** HASH_R = prf(SKEYID, g^xr | g^xi | CKY-R | CKY-I | SAi_b | IDir_b). */
    public byte[] hashR(byte[] publicI, byte[] publicR, byte[] saIBody, byte[] idRBody) {
        return skeyid.prf(prf, publicR, publicI, cookieR, cookieI, saIBody, idRBody);
    }

    /**
     * prf(SKEYID, preSharedKey): the Cisco Unity group hash that hybrid group authentication
     * sends with HASH_I (UNITY_GROUP_HASH notify), as the Shrew Soft client computes it.
     */
    public byte[] groupHash(byte[] preSharedKey) {
        return skeyid.prf(prf, preSharedKey);
    }

    /**
     * prf(SKEYID_a, M-ID | parts...): quick mode HASH(1) (parts = the message after the HASH
     * payload), HASH(2) (parts = Ni_b, then the message after the HASH payload), and the HASH of
     * informational and transaction (XAuth, Mode Config) exchanges (parts = the payloads after the
     * HASH payload). "The message after the HASH payload" runs from the next payload's generic
     * header to the end of the last payload, without encryption padding.
     */
    public byte[] messageHash(int messageId, byte[]... parts) {
        byte[][] data = new byte[parts.length + 1][];
        data[0] = Bytes.messageId(messageId);
        System.arraycopy(parts, 0, data, 1, parts.length);
        return skeyidA.prf(prf, data);
    }

    /** Quick mode HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b). */
    public byte[] hash3(int messageId, byte[] nonceI, byte[] nonceR) {
        return skeyidA.prf(prf, new byte[] {0}, Bytes.messageId(messageId), nonceI, nonceR);
    }

    /**
     * Quick mode KEYMAT for one direction of one IPsec SA (RFC 2409 §5.5): the first
     * {@code length} bytes of K1 | K2 | ... with
     * <pre>
     * K1 = prf(SKEYID_d, [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b)
     * Kn = prf(SKEYID_d, K(n-1) | [g(qm)^xy |] protocol | SPI | Ni_b | Nr_b)
     * </pre>
     * Inbound keys use the SPI we chose, outbound keys the peer's. The encryption key comes
     * first, the authentication key follows it.
     *
     * <p>This is where keys leave the IKE code as bytes: the ESP boundary. They go to the data
     * plane in {@code ChildSaKeys}, whose receiver wipes them once its SA holds its own keys.
     *
     * @param pfsSecret g(qm)^xy of the quick mode's own key exchange, or empty without PFS
     * @param protocolId the IPsec protocol ID (3 for ESP)
     * @param spi the SPI as on the wire (4 bytes for ESP)
     * @param nonceI the quick mode initiator's nonce body
     * @param nonceR the quick mode responder's nonce body
     * @param length the bytes needed: encryption key length plus authentication key length
     */
    public byte[] quickModeKeymat(byte[] pfsSecret, int protocolId, byte[] spi, byte[] nonceI, byte[] nonceR,
            int length) {
        if (protocolId < 0 || protocolId > 255) {
            throw new IllegalArgumentException("protocol ID out of range: " + protocolId);
        }
        byte[] seed = Bytes.concat(pfsSecret, new byte[] {(byte) protocolId}, spi, nonceI, nonceR);
        return expand(prf, skeyidD.bytes(), seed, seed, length);
    }

    /** Overwrites the keys with zeros; the instance must not be used afterwards. */
    public void destroy() {
        skeyid.destroy();
        skeyidD.destroy();
        skeyidA.destroy();
        skeyidE.destroy();
    }

    /** K1 | K2 | ... truncated to {@code length}: K1 = prf(key, first), Kn = prf(key, K(n-1) | seed). */
    static byte[] expand(Prf prf, byte[] key, byte[] first, byte[] seed, int length) {
        byte[] out = new byte[length];
        byte[] block = prf.compute(key, first);
        for (int off = 0; off < length; off += block.length) {
            if (off > 0) {
                block = prf.compute(key, block, seed);
            }
            System.arraycopy(block, 0, out, off, Math.min(block.length, length - off));
        }
        return out;
    }
}
