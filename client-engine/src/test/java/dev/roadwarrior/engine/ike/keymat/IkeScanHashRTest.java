package dev.roadwarrior.engine.ike.keymat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.testutil.Vectors;
import dev.roadwarrior.engine.testutil.Vectors.Block;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ike-scan psk-crack vectors: Aggressive Mode HASH_R from real gateways (Checkpoint, ScreenOS),
 * MD5 and SHA-1, including a PSK longer than the HMAC block.
 */
class IkeScanHashRTest {

    private final IkeCrypto crypto = new JcaIkeCrypto();

    @Test
    void checkPskCrack2() {
        assertEquals(2, verifyAll("ikev1_sessions/ike-scan/check-psk-crack-2.vectors.txt"));
    }

    @Test
    void checkPskCrack4() {
        assertEquals(4, verifyAll("ikev1_sessions/ike-scan/check-psk-crack-4.vectors.txt"));
    }

    private int verifyAll(String file) {
        List<Block> blocks = Vectors.parse(Vectors.require(file));
        for (Block b : blocks) {
            byte[] expected = b.hex("hash_r");
            // psk-crack tells the hash by the length of HASH_R
            HashAlgorithm hash = expected.length == 16 ? HashAlgorithm.MD5 : HashAlgorithm.SHA1;
            // g^xy does not enter HASH_R (only SKEYID does), so any value will do here
            Keymat keymat = Keymat.forPreSharedKey(crypto.createPrf(hash), b.hex("psk"), b.hex("ni_b"), b.hex("nr_b"),
                    new byte[0], b.hex("cky_i"), b.hex("cky_r"));
            assertArrayEquals(expected, keymat.hashR(b.hex("g_xi"), b.hex("g_xr"), b.hex("sai_b"), b.hex("idir_b")),
                    b.label());
        }
        return blocks.size();
    }
}
