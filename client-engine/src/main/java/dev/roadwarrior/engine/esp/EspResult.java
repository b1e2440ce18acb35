package dev.roadwarrior.engine.esp;

import java.nio.ByteBuffer;

/**
 * The outcome of {@link EspProcessor#encapsulate} or {@link EspProcessor#decapsulate}: the
 * packet produced, or the reason the input was dropped.
 */
public sealed interface EspResult permits EspResult.Processed, EspResult.Dropped {

    /**
     * The input was processed.
     *
     * @param sa the SA that processed it (for the inbound direction: the SA the SPI selected)
     * @param packet the output (the ESP packet, or the inner IPv4 packet) from position to limit
     */
    record Processed(EspSa sa, ByteBuffer packet) implements EspResult {}

    /**
     * The input was dropped and counted.
     *
     * @param reason why
     */
    record Dropped(DropReason reason) implements EspResult {

        private static final Dropped[] CACHE = cache();

        /** The shared instance for a reason (dropping allocates nothing). */
        public static Dropped of(DropReason reason) {
            return CACHE[reason.ordinal()];
        }

        private static Dropped[] cache() {
            DropReason[] reasons = DropReason.values();
            Dropped[] cache = new Dropped[reasons.length];
            for (DropReason r : reasons) {
                cache[r.ordinal()] = new Dropped(r);
            }
            return cache;
        }
    }
}
