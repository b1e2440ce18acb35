package dev.roadwarrior.engine.time;

import java.time.InstantSource;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The one source of time of a connection, injected into the runtime ({@code engine.runtime}), the
 * data plane ({@code engine.esp}) and the IKE client ({@code engine.ike}); none of them reads a
 * system clock (an architecture test forbids it), so tests drive time explicitly.
 *
 * @param monotonicMillis milliseconds of a monotonic clock (any origin): timers, retransmissions,
 *     lifetimes; must be thread-safe
 * @param wall the calendar time: certificate validity, when an SA was made, and telling a resume
 *     from sleep (the wall clock jumps, the monotonic one does not)
 */
public record EngineClock(LongSupplier monotonicMillis, InstantSource wall) {

    public EngineClock {
        Objects.requireNonNull(monotonicMillis, "monotonicMillis");
        Objects.requireNonNull(wall, "wall");
    }

    /** The system's clocks: {@link System#nanoTime} and the UTC wall clock. */
    public static EngineClock system() {
        return new EngineClock(() -> System.nanoTime() / 1_000_000L, InstantSource.system());
    }

    /** The monotonic time now, in milliseconds. */
    public long millis() {
        return monotonicMillis.getAsLong();
    }
}
