package dev.roadwarrior.engine.crypto.jca;

import dev.roadwarrior.engine.crypto.BlockCipher;
import dev.roadwarrior.engine.crypto.EncryptionAlgorithm;

/** The argument checks every {@link BlockCipher} here shares; subclasses only transform blocks. */
abstract class CbcCipher implements BlockCipher {

    private final EncryptionAlgorithm algorithm;
    private final int blockSize;
    private final int keyLength;

    CbcCipher(EncryptionAlgorithm algorithm, int blockSize, int keyLength) {
        this.algorithm = algorithm;
        this.blockSize = blockSize;
        this.keyLength = keyLength;
    }

    @Override
    public final EncryptionAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public final int blockSize() {
        return blockSize;
    }

    @Override
    public final int keyLength() {
        return keyLength;
    }

    @Override
    public final byte[] encrypt(byte[] key, byte[] iv, byte[] plaintext) {
        check(key, iv, plaintext);
        return process(true, key, iv, plaintext);
    }

    @Override
    public final byte[] decrypt(byte[] key, byte[] iv, byte[] ciphertext) {
        check(key, iv, ciphertext);
        return process(false, key, iv, ciphertext);
    }

    /** Transforms whole blocks; the arguments are already checked. */
    abstract byte[] process(boolean encrypt, byte[] key, byte[] iv, byte[] data);

    private void check(byte[] key, byte[] iv, byte[] data) {
        if (key.length != keyLength) {
            throw new IllegalArgumentException(algorithm + " needs a " + keyLength + "-byte key, got " + key.length);
        }
        if (iv.length != blockSize) {
            throw new IllegalArgumentException(algorithm + " needs a " + blockSize + "-byte IV, got " + iv.length);
        }
        if (data.length % blockSize != 0) {
            throw new IllegalArgumentException(data.length + " bytes are not whole " + algorithm + " blocks");
        }
    }

    @Override
    public String toString() {
        return algorithm + "/" + keyLength * 8;
    }
}
