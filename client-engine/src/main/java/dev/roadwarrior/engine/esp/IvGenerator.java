package dev.roadwarrior.engine.esp;

/**
 * Produces the explicit IV of each outbound packet; {@link StandardIvGenerator} in production,
 * fixed IVs in known-answer tests. Confined to the encapsulating thread.
 */
@FunctionalInterface
interface IvGenerator {

    /** Writes {@code sa.transform().ivLength()} bytes at {@code out[off]} for the packet with this sequence number. */
    void next(EspSa sa, long sequence, byte[] out, int off);

    /**
     * Whether a CBC IV written by {@link #next} is only a random seed that the cipher may turn
     * into the IV it sends (see {@link CbcHmacCrypto}); false: the IV is sent as it is.
     */
    default boolean cbcIvIsSeed() {
        return false;
    }
}
