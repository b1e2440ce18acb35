package dev.roadwarrior.engine.ike.keymat;

import static dev.roadwarrior.engine.testutil.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roadwarrior.engine.crypto.BlockCipher;
import dev.roadwarrior.engine.crypto.EncryptionAlgorithm;
import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.Prf;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.testutil.Vectors;
import dev.roadwarrior.engine.testutil.Vectors.Block;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeymatTest {

    private static final Map<String, HashAlgorithm> NSS_FILES = Map.of("ike-sha1-vectors.txt", HashAlgorithm.SHA1,
            "ike-sha256-vectors.txt", HashAlgorithm.SHA2_256, "ike-sha384-vectors.txt", HashAlgorithm.SHA2_384,
            "ike-sha512-vectors.txt", HashAlgorithm.SHA2_512);

    private final IkeCrypto crypto = new JcaIkeCrypto();
    private final Prf sha1 = crypto.createPrf(HashAlgorithm.SHA1);

    /**
     * NSS CKM_IKE1_PRF_EXTENDED_DERIVE vectors (NSS generated these itself, so they check us
     * against NSS, not against a standard): Appendix B key expansion, base mode (Ka) and quick mode
     * (KEYMAT with a one-byte seed).
     */
    @Test
    void appendixBExpansionMatchesNss() {
        int checked = 0;
        for (Map.Entry<String, HashAlgorithm> file : NSS_FILES.entrySet()) {
            Prf prf = crypto.createPrf(file.getValue());
            for (Block b : Vectors.parse(Vectors.require("cavp_ikev1/nss_gtests/" + file.getKey()))) {
                String type = b.get("test_type");
                int size = Integer.parseInt(b.get("size"));
                if (type.equals("IkeTestType::ikeV1AppB")) {
                    assertArrayEquals(b.hex("okm"), Keymat.encryptionKey(prf, b.hex("ikm"), size), b.label());
                    checked++;
                } else if (type.equals("IkeTestType::ikeV1AppBQuick")) {
                    byte[] seed = {0}; // seed_data "0" in the source: the single byte 0
                    assertArrayEquals(b.hex("okm"), Keymat.expand(prf, b.hex("ikm"), seed, seed, size), b.label());
                    checked++;
                }
            }
        }
        assertEquals(24, checked);
    }

    @Test
    void encryptionKeyIsSkeyidEWhenLongEnough() {
        Keymat k = keymat();
        assertArrayEquals(Arrays.copyOf(k.skeyidE(), 16), k.encryptionKey(16));
        assertArrayEquals(k.skeyidE(), k.encryptionKey(20));
    }

    @Test
    void encryptionKeyExpandsWhenSkeyidEIsShort() {
        Keymat k = keymat();
        byte[] k1 = sha1.compute(k.skeyidE(), new byte[] {0});
        byte[] k2 = sha1.compute(k.skeyidE(), k1);
        byte[] ka = k.encryptionKey(32); // AES-256 with SHA-1
        assertArrayEquals(k1, Arrays.copyOf(ka, 20));
        assertArrayEquals(Arrays.copyOf(k2, 12), Arrays.copyOfRange(ka, 20, 32));
    }

    @Test
    void quickModeKeymatPutsThePfsSecretFirst() {
        Keymat k = keymat();
        byte[] gqm = hex("aabbccdd");
        byte[] spi = hex("11223344");
        byte[] ni = hex("0102");
        byte[] nr = hex("0304");
        byte[] seed = hex("aabbccdd" + "03" + "11223344" + "0102" + "0304");
        byte[] k1 = sha1.compute(k.skeyidD(), seed);
        byte[] k2 = sha1.compute(k.skeyidD(), k1, seed);
        byte[] keymat = k.quickModeKeymat(gqm, 3, spi, ni, nr, 36);
        assertArrayEquals(k1, Arrays.copyOf(keymat, 20));
        assertArrayEquals(Arrays.copyOf(k2, 16), Arrays.copyOfRange(keymat, 20, 36));
        assertThrows(IllegalArgumentException.class, () -> k.quickModeKeymat(gqm, 256, spi, ni, nr, 36));
    }

    @Test
    void hashesFollowRfc2409() {
        Keymat k = keymat();
        byte[] gxi = hex("0a0b");
        byte[] gxr = hex("0c0d");
        byte[] sa = hex("5a");
        byte[] id = hex("1d");
        assertArrayEquals(sha1.compute(k.skeyid(), hex("0a0b0c0d"), hex("1111111111111111"), hex("2222222222222222"),
                sa, id), k.hashI(gxi, gxr, sa, id));
        assertArrayEquals(sha1.compute(k.skeyid(), hex("0c0d0a0b"), hex("2222222222222222"), hex("1111111111111111"),
                sa, id), k.hashR(gxi, gxr, sa, id));
        assertArrayEquals(sha1.compute(k.skeyidA(), hex("8000000a"), hex("0102"), hex("0304")),
                k.messageHash(0x8000000a, hex("0102"), hex("0304")));
        assertArrayEquals(sha1.compute(k.skeyidA(), hex("00" + "8000000a" + "0102" + "0304")),
                k.hash3(0x8000000a, hex("0102"), hex("0304")));
    }

    @Test
    void groupHashIsThePrfOfSkeyidOverThePreSharedKey() {
        Keymat k = keymat();
        assertArrayEquals(sha1.compute(k.skeyid(), hex("7365637265")), k.groupHash(hex("7365637265")));
    }

    @Test
    void messageEncryptionUsesKa() throws Exception {
        Keymat k = keymat();
        BlockCipher aes = crypto.createCipher(EncryptionAlgorithm.AES_CBC, 128);
        IvManager ivs = new IvManager(crypto.createHasher(HashAlgorithm.SHA1), 16, hex("01"), hex("02"));
        byte[] iv = ivs.iv(0);
        byte[] sent = k.messageEncryption(aes, ivs).encrypt(0, new byte[16]);
        assertArrayEquals(aes.encrypt(k.encryptionKey(16), iv, new byte[32]), sent);
    }

    @Test
    void destroyedKeysCannotBeUsed() {
        Keymat k = keymat();
        k.destroy();
        assertThrows(IllegalStateException.class, () -> k.hash3(1, hex("01"), hex("02")));
        assertThrows(IllegalStateException.class, () -> k.quickModeKeymat(new byte[0], 3, new byte[4], hex("01"),
                hex("02"), 36));
    }

    private Keymat keymat() {
        return Keymat.forPreSharedKey(sha1, hex("7365637265"), hex("01"), hex("02"), hex("0303"),
                hex("1111111111111111"), hex("2222222222222222"));
    }
}
