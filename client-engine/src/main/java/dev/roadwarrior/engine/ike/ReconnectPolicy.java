package dev.roadwarrior.engine.ike;

import java.util.random.RandomGenerator;

/**
 * How long to wait before each attempt to bring a broken connection back: a pure function of the
 * attempt number. The first attempt follows at once (a gateway that deleted our SAs or a NAT that
 * moved is usually back in a moment); later ones back off exponentially up to a cap, with up to a
 * fifth taken off at random so that many clients of one gateway do not retry in step.
 *
 * @param firstRetryMillis the wait before the second attempt
 * @param maxMillis the longest wait
 */
public record ReconnectPolicy(long firstRetryMillis, long maxMillis) {

    /**
     * 0 s, 1 s, 2 s, 4 s, then 8 s for as long as it takes, after attempts that ended quickly (a
     * refusal, a delete); an attempt that went unanswered is followed at once
     * ({@link ReconnectSchedule#scheduleRetry}), so a gateway back from a restart is asked again
     * within one retransmission interval (the soak test allows an outage 15 s longer than its cause).
     */
    public static final ReconnectPolicy DEFAULT = new ReconnectPolicy(1_000, 8_000);

    /** The wait before attempt {@code attempt} (0 for the first attempt after the break). */
    public long delayMillis(int attempt, RandomGenerator random) {
        if (attempt <= 0) {
            return 0;
        }
        long base = Math.min(maxMillis, firstRetryMillis << Math.min(attempt - 1, 20));
        return base - (long) (base * 0.2 * random.nextDouble());
    }
}
