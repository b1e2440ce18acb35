package dev.roadwarrior.engine.crypto;

import static dev.roadwarrior.engine.testutil.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.testutil.Vectors;
import dev.roadwarrior.engine.testutil.Vectors.Block;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link IkeCrypto} must do, checked against published known answers. Each provider
 * gets a subclass that supplies the instance.
 */
public abstract class IkeCryptoContractTest {

    private static final List<DhGroup> GROUPS = List.of(DhGroup.MODP_768, DhGroup.MODP_1024, DhGroup.MODP_1536,
            DhGroup.MODP_2048, DhGroup.MODP_3072, DhGroup.MODP_4096, DhGroup.MODP_6144, DhGroup.MODP_8192,
            DhGroup.ECP_256, DhGroup.ECP_384, DhGroup.ECP_521);

    private static final Map<String, HashAlgorithm> STRONGSWAN_PRFS = Map.of(
            "PRF_HMAC_MD5", HashAlgorithm.MD5, "PRF_HMAC_SHA1", HashAlgorithm.SHA1,
            "PRF_HMAC_SHA2_256", HashAlgorithm.SHA2_256, "PRF_HMAC_SHA2_384", HashAlgorithm.SHA2_384,
            "PRF_HMAC_SHA2_512", HashAlgorithm.SHA2_512);

    /** The provider under test. */
    protected abstract IkeCrypto crypto();

    @Test
    void aesCbcMatchesRfc3602AndSp80038a() {
        List<Block> blocks = Vectors.parse(Vectors.require("esp_crypto/strongswan/aes_cbc.vectors.txt"));
        assertFalse(blocks.isEmpty());
        for (Block b : blocks) {
            assertCipher(EncryptionAlgorithm.AES_CBC, Integer.parseInt(b.get("key_size")) * 8,
                    b.hex("key"), b.hex("iv"), b.hex("plain"), b.hex("cipher"), b.label());
        }
    }

    @Test
    void tripleDesCbcMatchesNistMmt() {
        List<Block> blocks = Vectors.parse(Vectors.require("esp_crypto/strongswan/3des_cbc.vectors.txt"));
        assertFalse(blocks.isEmpty());
        for (Block b : blocks) {
            assertCipher(EncryptionAlgorithm.TRIPLE_DES_CBC, 192, b.hex("key"), b.hex("iv"), b.hex("plain"),
                    b.hex("cipher"), b.label());
        }
    }

    @Test
    void desCbcMatchesFips81() {
        // FIPS 81 Appendix C, CBC example: "Now is the time for all "
        assertCipher(EncryptionAlgorithm.DES_CBC, 64, hex("0123456789abcdef"), hex("1234567890abcdef"),
                "Now is the time for all ".getBytes(StandardCharsets.US_ASCII),
                hex("e5c7cdde872bf27c43e934008c389c0f683788499a7c05f6"), "FIPS 81 CBC");
    }

    @Test
    void blowfishCbcMatchesEricYoungVector() {
        // Eric Young's Blowfish CBC test: "7654321 Now is the time for " plus zero fill
        assertCipher(EncryptionAlgorithm.BLOWFISH_CBC, 128, hex("0123456789abcdeff0e1d2c3b4a59687"),
                hex("fedcba9876543210"),
                hex("37363534333231204e6f77206973207468652074696d6520666f722000000000"),
                hex("6b77b4d63006dee605b156e27403979358deb9e7154616d959f1652bd5ff92cc"), "Blowfish CBC");
    }

    @Test
    void castCbcMatchesRfc2144() {
        // RFC 2144 Appendix B.1 single-block ECB vectors; one block of CBC with a zero IV is ECB
        byte[] zeroIv = new byte[8];
        byte[] plain = hex("0123456789abcdef");
        assertCipher(EncryptionAlgorithm.CAST_CBC, 128, hex("0123456712345678234567893456789a"), zeroIv, plain,
                hex("238b4fe5847e44b2"), "RFC 2144 128-bit key");
        assertCipher(EncryptionAlgorithm.CAST_CBC, 80, hex("01234567123456782345"), zeroIv, plain,
                hex("eb6a711a2c02271b"), "RFC 2144 80-bit key");
        assertCipher(EncryptionAlgorithm.CAST_CBC, 40, hex("0123456712"), zeroIv, plain,
                hex("7ac816d16e9b302e"), "RFC 2144 40-bit key");
    }

    @Test
    void cipherCapabilities() {
        IkeCrypto c = crypto();
        for (int bits : new int[] {128, 192, 256}) {
            assertTrue(c.hasCipher(EncryptionAlgorithm.AES_CBC, bits));
        }
        assertFalse(c.hasCipher(EncryptionAlgorithm.AES_CBC, 64));
        assertTrue(c.hasCipher(EncryptionAlgorithm.TRIPLE_DES_CBC, 192));
        assertTrue(c.hasCipher(EncryptionAlgorithm.BLOWFISH_CBC, 256));
        assertFalse(c.hasCipher(EncryptionAlgorithm.BLOWFISH_CBC, 129));
        assertFalse(c.hasCipher(EncryptionAlgorithm.CAST_CBC, 136));
        assertFalse(c.hasCipher(EncryptionAlgorithm.of(250), 128));
        assertThrows(IllegalArgumentException.class, () -> c.createCipher(EncryptionAlgorithm.IDEA_CBC, 128));
    }

    @Test
    void cipherReportsSizesAndRejectsBadArguments() {
        BlockCipher aes = crypto().createCipher(EncryptionAlgorithm.AES_CBC, 256);
        assertEquals(16, aes.blockSize());
        assertEquals(32, aes.keyLength());
        assertEquals(EncryptionAlgorithm.AES_CBC, aes.algorithm());
        byte[] key = new byte[32];
        byte[] iv = new byte[16];
        assertThrows(IllegalArgumentException.class, () -> aes.encrypt(new byte[16], iv, new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> aes.encrypt(key, new byte[8], new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> aes.decrypt(key, iv, new byte[15]));
        assertArrayEquals(new byte[0], aes.encrypt(key, iv, new byte[0]));
        BlockCipher tdes = crypto().createCipher(EncryptionAlgorithm.TRIPLE_DES_CBC, 192);
        assertEquals(8, tdes.blockSize());
        assertEquals(24, tdes.keyLength());
    }

    @Test
    void prfMatchesRfc2202AndRfc4868() {
        int checked = 0;
        for (String file : List.of("md5_hmac", "sha1_hmac", "sha2_hmac")) {
            for (Block b : Vectors.parse(Vectors.require("esp_crypto/strongswan/" + file + ".vectors.txt"))) {
                String alg = b.get("alg");
                if (b.get("type").equals("prf_test_vector_t")) {
                    Prf prf = crypto().createPrf(STRONGSWAN_PRFS.get(alg));
                    assertArrayEquals(b.hex("out"), prf.compute(b.hex("key"), b.hex("seed")), b.label());
                } else {
                    // a signer's ICV is the HMAC truncated to the bits its name ends with, e.g.
                    // AUTH_HMAC_SHA2_256_128; strongSwan compares only that many bytes of "mac"
                    HashAlgorithm hash = STRONGSWAN_PRFS.get(alg.replaceFirst("^AUTH", "PRF").replaceFirst("_\\d+$", ""));
                    int icvLength = Integer.parseInt(alg.substring(alg.lastIndexOf('_') + 1)) / 8;
                    byte[] full = crypto().createPrf(hash).compute(b.hex("key"), b.hex("data"));
                    assertArrayEquals(Arrays.copyOf(b.hex("mac"), icvLength), Arrays.copyOf(full, icvLength), b.label());
                }
                checked++;
            }
        }
        assertEquals(46, checked);
    }

    @Test
    void prfSplitsDataAnywhere() {
        Prf prf = crypto().createPrf(HashAlgorithm.SHA2_256);
        byte[] key = hex("0b0b0b0b");
        assertArrayEquals(prf.compute(key, hex("48692054686572")),
                prf.compute(key, hex("4869"), new byte[0], hex("2054686572")));
    }

    @Test
    void prfAcceptsEmptyKey() {
        // HMAC("", "") as published for each hash
        assertArrayEquals(hex("74e6f7298a9c2d168935f58c001bad88"),
                crypto().createPrf(HashAlgorithm.MD5).compute(new byte[0]));
        assertArrayEquals(hex("fbdb1d1b18aa6c08324b7d64b71fb76370690e1d"),
                crypto().createPrf(HashAlgorithm.SHA1).compute(new byte[0]));
        assertArrayEquals(hex("b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"),
                crypto().createPrf(HashAlgorithm.SHA2_256).compute(new byte[0]));
    }

    @Test
    void hashesMatchFips180AndRfc1321() {
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        assertHash(HashAlgorithm.MD5, "900150983cd24fb0d6963f7d28e17f72", abc);
        assertHash(HashAlgorithm.SHA1, "a9993e364706816aba3e25717850c26c9cd0d89d", abc);
        assertHash(HashAlgorithm.SHA2_256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", abc);
        assertHash(HashAlgorithm.SHA2_384, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                + "8086072ba1e7cc2358baeca134c825a7", abc);
        assertHash(HashAlgorithm.SHA2_512, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f", abc);
    }

    @Test
    void hashCapabilities() {
        assertFalse(crypto().hasHash(HashAlgorithm.TIGER));
        assertFalse(crypto().hasHash(HashAlgorithm.of(77)));
        assertThrows(IllegalArgumentException.class, () -> crypto().createPrf(HashAlgorithm.TIGER));
        assertThrows(IllegalArgumentException.class, () -> crypto().createHasher(HashAlgorithm.of(77)));
    }

    @Test
    void everyGroupAgrees() throws CryptoException {
        for (DhGroup group : GROUPS) {
            assertTrue(crypto().hasDhGroup(group), group.toString());
            KeyExchange a = crypto().createKeyExchange(group);
            KeyExchange b = crypto().createKeyExchange(group);
            assertEquals(group, a.group());
            assertEquals(a.publicValue().length, b.publicValue().length, group.toString());
            assertNotEquals(Arrays.toString(a.publicValue()), Arrays.toString(b.publicValue()), group.toString());
            byte[] ab = a.sharedSecret(b.publicValue());
            assertArrayEquals(ab, b.sharedSecret(a.publicValue()), group.toString());
            assertEquals(expectedSecretLength(group), ab.length, group.toString());
            assertEquals(expectedSecretLength(group) * (group.value() >= 19 ? 2 : 1), a.publicValue().length);
        }
        assertFalse(crypto().hasDhGroup(DhGroup.of(22)));
        assertThrows(IllegalArgumentException.class, () -> crypto().createKeyExchange(DhGroup.of(3)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 14, 15, 16, 17, 18})
    void modpRejectsDegenerateAndOutOfRangeValues(int groupValue) {
        KeyExchange kex = crypto().createKeyExchange(DhGroup.of(groupValue));
        int length = kex.publicValue().length;
        byte[] one = new byte[length];
        one[length - 1] = 1;
        byte[] allOnes = new byte[length];
        Arrays.fill(allOnes, (byte) 0xff); // 2^n - 1 exceeds every MODP prime
        assertReason(CryptoException.Reason.PUBLIC_VALUE_OUT_OF_RANGE, kex, new byte[length]);
        assertReason(CryptoException.Reason.PUBLIC_VALUE_OUT_OF_RANGE, kex, one);
        assertReason(CryptoException.Reason.PUBLIC_VALUE_OUT_OF_RANGE, kex, allOnes);
        assertReason(CryptoException.Reason.PUBLIC_VALUE_LENGTH, kex, Arrays.copyOf(one, length - 1));
        assertReason(CryptoException.Reason.PUBLIC_VALUE_LENGTH, kex, Arrays.copyOf(one, length + 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {19, 20, 21})
    void ecpRejectsPointsOffTheCurve(int groupValue) {
        KeyExchange kex = crypto().createKeyExchange(DhGroup.of(groupValue));
        byte[] peer = crypto().createKeyExchange(DhGroup.of(groupValue)).publicValue();
        byte[] moved = peer.clone();
        moved[moved.length - 1] ^= 1; // y changed: off the curve
        byte[] outside = peer.clone();
        Arrays.fill(outside, 0, outside.length / 2, (byte) 0xff); // x not below the field prime
        assertReason(CryptoException.Reason.POINT_NOT_ON_CURVE, kex, moved);
        assertReason(CryptoException.Reason.POINT_NOT_ON_CURVE, kex, outside);
        assertReason(CryptoException.Reason.POINT_NOT_ON_CURVE, kex, new byte[peer.length]);
        assertReason(CryptoException.Reason.PUBLIC_VALUE_LENGTH, kex, Arrays.copyOf(peer, peer.length - 1));
    }

    @Test
    void destroyedKeyExchangeRefusesToCompute() {
        KeyExchange kex = crypto().createKeyExchange(DhGroup.MODP_1024);
        byte[] peer = crypto().createKeyExchange(DhGroup.MODP_1024).publicValue();
        kex.destroy();
        kex.destroy();
        assertThrows(IllegalStateException.class, () -> kex.sharedSecret(peer));
    }

    @Test
    void randomBytesHaveTheLengthAskedFor() {
        byte[] a = crypto().randomBytes(32);
        assertEquals(32, a.length);
        assertFalse(Arrays.equals(a, crypto().randomBytes(32)));
        assertEquals(0, crypto().randomBytes(0).length);
    }

    private void assertCipher(EncryptionAlgorithm algorithm, int keyBits, byte[] key, byte[] iv, byte[] plain,
            byte[] cipher, String label) {
        assertTrue(crypto().hasCipher(algorithm, keyBits), label);
        BlockCipher c = crypto().createCipher(algorithm, keyBits);
        assertArrayEquals(cipher, c.encrypt(key, iv, plain), label);
        assertArrayEquals(plain, c.decrypt(key, iv, cipher), label);
    }

    private void assertHash(HashAlgorithm algorithm, String expected, byte[] data) {
        Hasher h = crypto().createHasher(algorithm);
        assertEquals(algorithm, h.algorithm());
        assertEquals(expected.length() / 2, h.outputLength());
        assertArrayEquals(hex(expected), h.digest(data));
        assertEquals(h.outputLength(), crypto().createPrf(algorithm).outputLength());
    }

    private static void assertReason(CryptoException.Reason reason, KeyExchange kex, byte[] peer) {
        CryptoException e = assertThrows(CryptoException.class, () -> kex.sharedSecret(peer));
        assertEquals(reason, e.reason());
    }

    private static int expectedSecretLength(DhGroup group) {
        return switch (group.value()) {
            case 1 -> 96;
            case 2 -> 128;
            case 5 -> 192;
            case 14 -> 256;
            case 15 -> 384;
            case 16 -> 512;
            case 17 -> 768;
            case 18 -> 1024;
            case 19 -> 32;
            case 20 -> 48;
            default -> 66;
        };
    }
}
