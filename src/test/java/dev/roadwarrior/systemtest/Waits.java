package dev.roadwarrior.systemtest;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assertions;

/** Polling helper for the lab classes. */
final class Waits {
    private Waits() {
    }

    /** Sleeps; an interrupt ends the wait with {@link LabException.Reason#NOT_READY}. */
    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(LabException.Reason.NOT_READY, "interrupted", e);
        }
    }

    /** Polls {@code condition} every 100 ms; fails the test with {@code what} when {@code timeout} passes first. */
    static void until(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                Assertions.fail("timed out after " + timeout.toSeconds() + " s waiting for " + what.get());
            }
            sleep(Duration.ofMillis(100));
        }
    }
}
