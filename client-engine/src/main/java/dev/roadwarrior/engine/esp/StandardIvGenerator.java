package dev.roadwarrior.engine.esp;

import java.security.SecureRandom;

/**
 * CBC ciphers get an unpredictable random IV seed (RFC 3602 §3), taken from a pool that
 * {@link SecureRandom} refills 4 KiB at a time. AES-GCM gets the sequence number as a counter
 * IV, which never repeats under one key because the sequence number never wraps (RFC 4106 §3.1).
 */
final class StandardIvGenerator implements IvGenerator {

    private final SecureRandom random;
    private final byte[] pool = new byte[4096];
    private int used = pool.length;

    StandardIvGenerator(SecureRandom random) {
        this.random = random;
    }

    /** The random CBC IVs are seeds: an unpredictable IV is what RFC 3602 asks, not this one. */
    @Override
    public boolean cbcIvIsSeed() {
        return true;
    }

    @Override
    public void next(EspSa sa, long sequence, byte[] out, int off) {
        int length = sa.transform().ivLength();
        if (sa.transform().isAead()) {
            for (int i = 0; i < length; i++) {
                out[off + i] = (byte) (sequence >>> 8 * (length - 1 - i));
            }
            return;
        }
        if (used + length > pool.length) {
            random.nextBytes(pool);
            used = 0;
        }
        System.arraycopy(pool, used, out, off, length);
        used += length;
    }
}
