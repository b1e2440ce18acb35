package dev.roadwarrior.engine.ike.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.FailureReason;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/** IKEv1 RSA signatures: PKCS#1 v1.5 over the raw hash, no DigestInfo. */
class RsaSignaturesTest {

    private static final byte[] HASH = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233");

    @Test
    void theSignatureBlockHoldsTheRawHash() throws Exception {
        KeyPair key = TestPki.key(0);
        byte[] sig = RsaSignatures.sign(key.getPrivate(), HASH);
        assertEquals(256, sig.length);
        Cipher raw = Cipher.getInstance("RSA/ECB/NoPadding");
        raw.init(Cipher.DECRYPT_MODE, key.getPublic());
        byte[] block = raw.doFinal(sig);
        // EMSA-PKCS1-v1_5 block type 1: 00 01 FF..FF 00 || hash, nothing in between
        assertEquals(0, block[0]);
        assertEquals(1, block[1]);
        int separator = block.length - HASH.length - 1;
        for (int i = 2; i < separator; i++) {
            assertEquals((byte) 0xff, block[i], "padding byte " + i);
        }
        assertEquals(0, block[separator]);
        assertArrayEquals(HASH, Arrays.copyOfRange(block, separator + 1, block.length));
    }

    @Test
    void equalsAnOrdinarySignatureWhenTheHashIsWrappedByHand() throws Exception {
        KeyPair key = TestPki.key(0);
        byte[] message = "message".getBytes();
        byte[] digestInfo = HexFormat.of().parseHex("3031300d060960864801650304020105000420");
        byte[] wrapped = concat(digestInfo, MessageDigest.getInstance("SHA-256").digest(message));
        Signature standard = Signature.getInstance("SHA256withRSA");
        standard.initSign(key.getPrivate());
        standard.update(message);
        assertArrayEquals(standard.sign(), RsaSignatures.sign(key.getPrivate(), wrapped));
    }

    @Test
    void verifiesOnlyTheRightHashWithTheRightKey() throws Exception {
        KeyPair key = TestPki.key(0);
        byte[] sig = RsaSignatures.sign(key.getPrivate(), HASH);
        assertTrue(RsaSignatures.verify(key.getPublic(), HASH, sig));
        byte[] other = HASH.clone();
        other[0] ^= 1;
        assertFalse(RsaSignatures.verify(key.getPublic(), other, sig));
        assertFalse(RsaSignatures.verify(TestPki.key(1).getPublic(), HASH, sig));
        assertFalse(RsaSignatures.verify(key.getPublic(), HASH, Arrays.copyOf(sig, 10)));
    }

    @Test
    void aKeyThatCannotSignIsAFileProblem() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        ConnectException e = assertThrows(ConnectException.class,
                () -> RsaSignatures.sign(g.generateKeyPair().getPrivate(), HASH));
        assertEquals(FailureReason.CERTIFICATE_FILE_UNUSABLE, e.reason());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
