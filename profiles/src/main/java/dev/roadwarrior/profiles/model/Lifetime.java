package dev.roadwarrior.profiles.model;

/**
 * An SA lifetime ({@code phase*-life-secs}, {@code phase*-life-kbytes}); 0 means "do not propose".
 *
 * @param seconds lifetime in seconds
 * @param kilobytes lifetime in kilobytes
 */
public record Lifetime(long seconds, long kilobytes) {

    public Lifetime {
        Ranges.check("lifetime seconds", seconds, 0, Ranges.LIFETIME_MAX);
        Ranges.check("lifetime kilobytes", kilobytes, 0, Ranges.LIFETIME_MAX);
    }
}
