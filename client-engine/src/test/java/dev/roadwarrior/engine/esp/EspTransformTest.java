package dev.roadwarrior.engine.esp;

import static dev.roadwarrior.engine.esp.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EspTransformTest {

    @Test
    void mapsIkeValues() {
        assertEquals(Optional.of(EspTransform.AES_128_SHA1), EspTransform.fromIke(12, 128, 2));
        assertEquals(Optional.of(EspTransform.AES_128_SHA1), EspTransform.fromIke(12, 0, 2), "default key length");
        assertEquals(Optional.of(new EspTransform(EspEncryption.TRIPLE_DES_CBC, 192, EspIntegrity.HMAC_MD5_96)),
                EspTransform.fromIke(3, 0, 1));
        assertEquals(Optional.of(new EspTransform(EspEncryption.AES_CBC, 256, EspIntegrity.HMAC_SHA2_512_256)),
                EspTransform.fromIke(12, 256, 7));
        assertEquals(Optional.of(new EspTransform(EspEncryption.AES_GCM_16, 256, EspIntegrity.NONE)),
                EspTransform.fromIke(20, 256, 0));
        assertEquals(Optional.of(new EspTransform(EspEncryption.BLOWFISH_CBC, 448, EspIntegrity.HMAC_SHA2_256_128)),
                EspTransform.fromIke(7, 448, 5));
        assertEquals(Optional.empty(), EspTransform.fromIke(12, 100, 2), "AES key length");
        assertEquals(Optional.empty(), EspTransform.fromIke(18, 128, 2), "GCM with HMAC");
        assertEquals(Optional.empty(), EspTransform.fromIke(13, 128, 2), "ESP_AES-CTR not implemented");
        assertEquals(Optional.empty(), EspTransform.fromIke(12, 128, 3), "HMAC-DES not implemented");
        assertEquals(Optional.empty(), EspTransform.fromIke(3, 128, 2), "3DES has 192-bit keys");
    }

    @Test
    void idsMatchTheRegistries() {
        assertEquals(Map.of(2, EspEncryption.DES_CBC, 3, EspEncryption.TRIPLE_DES_CBC, 6, EspEncryption.CAST_CBC,
                        7, EspEncryption.BLOWFISH_CBC, 12, EspEncryption.AES_CBC, 18, EspEncryption.AES_GCM_8,
                        19, EspEncryption.AES_GCM_12, 20, EspEncryption.AES_GCM_16),
                Arrays.stream(EspEncryption.values()).collect(Collectors.toMap(EspEncryption::transformId, e -> e)));
        assertEquals(Optional.of(EspIntegrity.HMAC_SHA2_384_192), EspIntegrity.fromAuthAlgorithm(6));
        assertEquals(Optional.of(EspIntegrity.NONE), EspIntegrity.fromAuthAlgorithm(0));
    }

    @Test
    void lengths() {
        EspTransform gcm = new EspTransform(EspEncryption.AES_GCM_12, 192, EspIntegrity.NONE);
        assertEquals(28, gcm.encryptionKeyLength());
        assertEquals(28, gcm.keymatLength());
        assertEquals(12, gcm.icvLength());
        assertEquals(8, gcm.ivLength());
        assertEquals(4, gcm.alignment());
        assertEquals(36, EspTransform.AES_128_SHA1.keymatLength());
        assertEquals(16, EspTransform.AES_128_SHA1.alignment());
        assertEquals(8 + 16 + 15 + 2 + 12, EspTransform.AES_128_SHA1.maxOverhead());
        assertEquals(24 + 64, new EspTransform(EspEncryption.TRIPLE_DES_CBC, 192, EspIntegrity.HMAC_SHA2_512_256).keymatLength());
    }

    @Test
    void refusesInvalidCombinations() {
        assertThrows(IllegalArgumentException.class, () -> new EspTransform(EspEncryption.AES_CBC, 160, EspIntegrity.NONE));
        assertThrows(IllegalArgumentException.class, () -> new EspTransform(EspEncryption.CAST_CBC, 136, EspIntegrity.NONE));
        assertThrows(IllegalArgumentException.class,
                () -> new EspTransform(EspEncryption.AES_GCM_16, 128, EspIntegrity.HMAC_SHA1_96));
        assertThrows(IllegalArgumentException.class,
                () -> EspSa.create(Direction.INBOUND, 0, EspTransform.AES_128_SHA1, new byte[36], Fixtures.T0));
        assertThrows(IllegalArgumentException.class,
                () -> EspSa.create(Direction.INBOUND, 1, EspTransform.AES_128_SHA1, new byte[35], Fixtures.T0));
    }

    /** KEYMAT split order (encryption key, then integrity key) against the RUB-NDS IKEv1 vectors. */
    @Test
    void keymatSplitMatchesRubNdsTunnelModeVectors() throws Exception {
        Map<String, String> c = TestVectors.blocks("ikev1_sessions/rub-nds/TunnelModeTest.vectors.txt").stream()
                .filter(b -> b.get("case").equals("testRekeyIKEv1WithAuth")).findFirst().orElseThrow();
        for (String direction : new String[] {"outbound", "inbound"}) {
            byte[] keymat = hex(c.get(direction + "_key_material"));
            byte[] encKey = hex(c.get("expected_" + direction + "_key_enc"));
            byte[] authKey = hex(c.get("expected_" + direction + "_key_auth"));
            EspSa out = EspSa.create(Direction.OUTBOUND, 0x1234, EspTransform.AES_128_SHA1, keymat, Fixtures.T0);
            ByteBuffer inner = Fixtures.ipv4(50, 1);
            byte[] esp = Fixtures.bytes(((EspResult.Processed) new EspProcessor().encapsulate(out, inner.duplicate())).packet());

            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authKey, "HmacSHA1"));
            mac.update(esp, 0, esp.length - 12);
            assertArrayEquals(Arrays.copyOf(mac.doFinal(), 12), Arrays.copyOfRange(esp, esp.length - 12, esp.length), direction);

            Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(encKey, "AES"), new IvParameterSpec(esp, 8, 16));
            byte[] plain = aes.doFinal(esp, 24, esp.length - 24 - 12);
            assertTrue(ByteBuffer.wrap(plain, 0, 50).equals(inner), direction);
        }
    }
}
