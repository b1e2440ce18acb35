package dev.roadwarrior.engine.ike.keymat;

import static dev.roadwarrior.engine.testutil.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.Hasher;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IvManagerTest {

    private final Hasher md5 = new JcaIkeCrypto().createHasher(HashAlgorithm.MD5);
    private final byte[] gxi = hex("aaaa");
    private final byte[] gxr = hex("bbbb");

    @Test
    void phaseOneStartsFromTheHashOfBothPublicValues() {
        IvManager ivs = new IvManager(md5, 8, gxi, gxr);
        assertArrayEquals(Arrays.copyOf(md5.digest(hex("aaaabbbb")), 8), ivs.iv(0));
    }

    @Test
    void stagedBlockTakesEffectOnlyOnConfirm() {
        IvManager ivs = new IvManager(md5, 8, gxi, gxr);
        byte[] initial = ivs.iv(0);
        byte[] block = hex("0102030405060708");
        ivs.update(0, block);
        assertArrayEquals(initial, ivs.iv(0));
        ivs.confirm(0);
        assertArrayEquals(block, ivs.iv(0));
        ivs.confirm(0); // nothing staged: no change
        assertArrayEquals(block, ivs.iv(0));
    }

    @Test
    void everyExchangeDerivesFromTheFinalPhaseOneIv() {
        IvManager ivs = new IvManager(md5, 8, gxi, gxr);
        byte[] lastPhaseOneBlock = hex("1112131415161718");
        ivs.update(0, lastPhaseOneBlock);
        ivs.confirm(0);

        int transaction = 0x0a0b0c0d;
        int informational = 0x01020304;
        assertArrayEquals(Arrays.copyOf(md5.digest(lastPhaseOneBlock, hex("0a0b0c0d")), 8), ivs.iv(transaction));
        ivs.update(transaction, hex("2122232425262728"));
        ivs.confirm(transaction);
        // a later exchange ignores the transaction's chain
        assertArrayEquals(Arrays.copyOf(md5.digest(lastPhaseOneBlock, hex("01020304")), 8), ivs.iv(informational));
        assertArrayEquals(hex("2122232425262728"), ivs.iv(transaction));
    }

    @Test
    void messageIdsAboveTwoToThe31AreUnsigned() {
        IvManager ivs = new IvManager(md5, 8, gxi, gxr);
        assertArrayEquals(Arrays.copyOf(md5.digest(ivs.iv(0), hex("fedcba98")), 8), ivs.iv(0xfedcba98));
    }

    @Test
    void forgottenOrEvictedChainsStartAgain() {
        IvManager ivs = new IvManager(md5, 8, gxi, gxr);
        byte[] fresh = ivs.iv(5);
        ivs.update(5, hex("0000000000000001"));
        ivs.confirm(5);
        ivs.forget(5);
        assertArrayEquals(fresh, ivs.iv(5));

        ivs.update(5, hex("0000000000000001"));
        ivs.confirm(5);
        for (int mid = 100; mid < 100 + IvManager.MAX_EXCHANGES; mid++) {
            ivs.iv(mid);
        }
        assertArrayEquals(fresh, ivs.iv(5));
    }

    @Test
    void rejectsBadSizes() {
        assertThrows(IllegalArgumentException.class, () -> new IvManager(md5, 32, gxi, gxr));
        IvManager ivs = new IvManager(md5, 16, gxi, gxr);
        assertThrows(IllegalArgumentException.class, () -> ivs.update(0, new byte[8]));
    }
}
