package dev.roadwarrior.engine.ike;

import java.util.random.RandomGenerator;

/**
 * When to replace an SA before its lifetime ends (the soft lifetime): a tenth of the lifetime
 * before, but at least {@link #MIN_MARGIN_MILLIS}, and up to a further twentieth at random so that
 * the two ends (and many clients) do not rekey in step; never before half the lifetime.
 */
public final class Lifetimes {

    /** The least time between a rekey and the end of the lifetime. */
    static final long MIN_MARGIN_MILLIS = 3_000;
    /** Byte lifetimes are renewed when this share of the bytes has been used. */
    static final double BYTES_SOFT_SHARE = 0.9;

    private Lifetimes() {
    }

    /**
     * Milliseconds after establishment at which to rekey.
     *
     * @param lifetimeSeconds the negotiated lifetime; 0 means none
     * @return {@link Long#MAX_VALUE} without a lifetime
     */
    public static long rekeyAfterMillis(long lifetimeSeconds, RandomGenerator random) {
        if (lifetimeSeconds <= 0) {
            return Long.MAX_VALUE;
        }
        long life = lifetimeSeconds * 1000;
        long margin = Math.max(MIN_MARGIN_MILLIS, life / 10) + (long) (life * 0.05 * random.nextDouble());
        return Math.max(life / 2, life - margin);
    }

    /**
     * The bytes after which an SA with a kilobyte lifetime is renewed.
     *
     * @param lifetimeKilobytes the negotiated lifetime; 0 means none
     * @return {@link Long#MAX_VALUE} without a lifetime
     */
    public static long rekeyAfterBytes(long lifetimeKilobytes) {
        return lifetimeKilobytes <= 0 ? Long.MAX_VALUE : (long) (lifetimeKilobytes * 1024 * BYTES_SOFT_SHARE);
    }

    /** The earlier of two lifetimes in seconds, where 0 means none. */
    public static long shorter(long a, long b) {
        return a <= 0 ? b : b <= 0 ? a : Math.min(a, b);
    }
}
