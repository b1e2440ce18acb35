package dev.roadwarrior.engine.ike.keymat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.Prf;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.testutil.Vectors;
import dev.roadwarrior.engine.testutil.Vectors.Block;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** NIST CAVS 17.3 IKEv1 KDF (SP 800-135) response files: every COUNT, every value. */
class CavpIkev1KdfTest {

    private static final Map<String, HashAlgorithm> HASHES = Map.of("SHA-1", HashAlgorithm.SHA1,
            "SHA-256", HashAlgorithm.SHA2_256, "SHA-384", HashAlgorithm.SHA2_384, "SHA-512", HashAlgorithm.SHA2_512);

    private final IkeCrypto crypto = new JcaIkeCrypto();

    @Test
    void preSharedKeyAuthentication() {
        List<Block> blocks = Vectors.parse(Vectors.require("cavp_ikev1/ikev1_psk.fax"));
        for (Block b : blocks) {
            assertKeys(b, Keymat.forPreSharedKey(prf(b), b.hex("pre-shared-key"), b.hex("Ni"), b.hex("Nr"),
                    b.hex("g^xy"), b.hex("CKY_I"), b.hex("CKY_R")));
        }
        assertEquals(1700, blocks.size());
    }

    @Test
    void digitalSignatureAuthentication() {
        List<Block> blocks = Vectors.parse(Vectors.require("cavp_ikev1/ikev1_dsa.fax"));
        for (Block b : blocks) {
            assertKeys(b, Keymat.forSignatures(prf(b), b.hex("Ni"), b.hex("Nr"), b.hex("g^xy"),
                    b.hex("CKY_I"), b.hex("CKY_R")));
        }
        assertEquals(1700, blocks.size());
    }

    private Prf prf(Block b) {
        HashAlgorithm hash = b.sections().stream().filter(HASHES::containsKey).map(HASHES::get).findFirst().orElseThrow();
        return crypto.createPrf(hash);
    }

    private static void assertKeys(Block b, Keymat keymat) {
        assertArrayEquals(b.hex("SKEYID"), keymat.skeyid(), b.label());
        assertArrayEquals(b.hex("SKEYID_d"), keymat.skeyidD(), b.label());
        assertArrayEquals(b.hex("SKEYID_a"), keymat.skeyidA(), b.label());
        assertArrayEquals(b.hex("SKEYID_e"), keymat.skeyidE(), b.label());
    }
}
