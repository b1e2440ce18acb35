package dev.roadwarrior.engine.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AlgorithmValuesTest {

    @Test
    void knownValuesMatchRfc2409AppendixA() {
        assertEquals(EncryptionAlgorithm.AES_CBC, EncryptionAlgorithm.of(7));
        assertEquals(EncryptionAlgorithm.TRIPLE_DES_CBC, EncryptionAlgorithm.of(5));
        assertEquals(HashAlgorithm.SHA1, HashAlgorithm.of(2));
        assertEquals(HashAlgorithm.SHA2_256, HashAlgorithm.of(4));
        assertEquals(DhGroup.MODP_2048, DhGroup.of(14));
        assertEquals(DhGroup.ECP_256, DhGroup.of(19));
        assertEquals("AES-CBC", EncryptionAlgorithm.AES_CBC.toString());
        assertEquals("MODP-1024", DhGroup.of(2).toString());
    }

    @Test
    void unknownValuesAreKept() {
        EncryptionAlgorithm e = EncryptionAlgorithm.of(65001);
        assertFalse(e.isKnown());
        assertEquals(65001, e.value());
        assertEquals("ENCR_UNKNOWN(65001)", e.toString());
        assertFalse(HashAlgorithm.of(7).isKnown());
        assertEquals("GROUP_UNKNOWN(31)", DhGroup.of(31).toString());
        assertTrue(DhGroup.of(21).isKnown());
    }

    @Test
    void valuesOutsideTheAttributeRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> EncryptionAlgorithm.of(-1));
        assertThrows(IllegalArgumentException.class, () -> HashAlgorithm.of(0x10000));
        assertThrows(IllegalArgumentException.class, () -> DhGroup.of(70000));
    }

    @Test
    void defaultKeyLengths() {
        assertEquals(OptionalInt.of(64), EncryptionAlgorithm.DES_CBC.defaultKeyLengthBits());
        assertEquals(OptionalInt.of(192), EncryptionAlgorithm.TRIPLE_DES_CBC.defaultKeyLengthBits());
        assertEquals(OptionalInt.of(128), EncryptionAlgorithm.BLOWFISH_CBC.defaultKeyLengthBits());
        assertEquals(OptionalInt.of(128), EncryptionAlgorithm.CAST_CBC.defaultKeyLengthBits());
        assertEquals(OptionalInt.empty(), EncryptionAlgorithm.AES_CBC.defaultKeyLengthBits());
    }
}
