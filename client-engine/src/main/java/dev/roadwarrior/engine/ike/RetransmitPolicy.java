package dev.roadwarrior.engine.ike;

import java.util.random.RandomGenerator;

/**
 * When to retransmit an unanswered request: a pure function of the attempt number, exponential
 * with a cap and up to 10% of jitter taken off so that many clients do not resend in step.
 *
 * @param initialMillis the first timeout
 * @param maxMillis the largest timeout
 * @param retransmissions how many times a request is resent before the exchange gives up
 */
public record RetransmitPolicy(long initialMillis, long maxMillis, int retransmissions) {

    /**
     * 1 s, 2 s, then every 4 s: a silent gateway is given up on after about 31 seconds, and one
     * that comes back (a restart) hears from us within 4 s, or 8 s when one copy is lost.
     */
    public static final RetransmitPolicy DEFAULT = new RetransmitPolicy(1000, 4000, 8);

    /**
     * How long to wait after sending attempt {@code attempt} (0 for the first transmission).
     */
    public long timeoutMillis(int attempt, RandomGenerator random) {
        long base = Math.min(maxMillis, initialMillis << Math.min(attempt, 20));
        return base - (long) (base * 0.1 * random.nextDouble());
    }
}
