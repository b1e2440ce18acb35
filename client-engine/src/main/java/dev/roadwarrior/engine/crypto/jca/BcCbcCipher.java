package dev.roadwarrior.engine.crypto.jca;

import dev.roadwarrior.engine.crypto.EncryptionAlgorithm;
import java.util.function.Supplier;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.CBCModeCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/** A CBC cipher from Bouncy Castle's lightweight engines, for what the JDK lacks (CAST-128). */
final class BcCbcCipher extends CbcCipher {

    private final Supplier<org.bouncycastle.crypto.BlockCipher> engine;

    BcCbcCipher(EncryptionAlgorithm algorithm, Supplier<org.bouncycastle.crypto.BlockCipher> engine,
            int blockSize, int keyLength) {
        super(algorithm, blockSize, keyLength);
        this.engine = engine;
    }

    @Override
    byte[] process(boolean encrypt, byte[] key, byte[] iv, byte[] data) {
        CBCModeCipher cbc = CBCBlockCipher.newInstance(engine.get());
        cbc.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[data.length];
        for (int off = 0; off < data.length; off += blockSize()) {
            cbc.processBlock(data, off, out, off);
        }
        return out;
    }
}
