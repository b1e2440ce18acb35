package dev.roadwarrior.systemtest;

import java.time.Duration;

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
}
