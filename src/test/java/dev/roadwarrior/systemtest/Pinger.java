package dev.roadwarrior.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ICMP echo from the client namespace through the tunnel, with {@code ping} (iputils; as root it
 * may send every 100 ms). Default 56-byte payloads, so the packets stay small.
 */
final class Pinger {
    private static final Pattern SUMMARY = Pattern.compile("(\\d+) packets transmitted, (\\d+) received");

    private Pinger() {
    }

    /** What a ping run counted. */
    record Result(int transmitted, int received) {
        int lost() {
            return transmitted - received;
        }

        double lossPercent() {
            return transmitted == 0 ? 100 : 100.0 * lost() / transmitted;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d of %d pings lost (%.1f %%)", lost(), transmitted, lossPercent());
        }
    }

    /**
     * Pings {@code target} ten times a second, {@code count} times, each answer awaited at most
     * 1 s ({@code ping -i 0.1 -c count -W 1}); returns once the last one is answered or lost.
     *
     * @throws LabException when ping prints no summary (it could not run)
     */
    static Result tenPerSecond(Lab lab, String target, int count) {
        final Duration timeout = Duration.ofMillis(count * 100L).plusSeconds(30);
        final ExecResult r = lab.exec(LabNode.CLIENT, timeout, Map.of(),
                List.of("ping", "-q", "-i", "0.1", "-c", Integer.toString(count), "-W", "1", target));
        final Matcher m = SUMMARY.matcher(r.stdout());
        if (!m.find()) {
            throw new LabException(LabException.Reason.COMMAND_FAILED, "no ping summary:\n" + r.describe());
        }
        return new Result(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /**
     * Pings {@code target} once a second (each echo awaited 1 s) until one is answered.
     *
     * @param giveUp checked before each ping: true ends the wait early (e.g. the client exited)
     * @return the time until the first answer, empty when {@code timeout} passed or {@code giveUp} said so
     */
    static Optional<Duration> firstAnswer(Lab lab, String target, Duration timeout, BooleanSupplier giveUp) {
        final long start = System.nanoTime();
        final long end = start + timeout.toNanos();
        while (System.nanoTime() < end && !giveUp.getAsBoolean()) {
            final long attempt = System.nanoTime();
            if (lab.exec(LabNode.CLIENT, "ping", "-c", "1", "-W", "1", target).succeeded()) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
            final long rest = Duration.ofSeconds(1).toNanos() - (System.nanoTime() - attempt);
            if (rest > 0) {
                Waits.sleep(Duration.ofNanos(rest));
            }
        }
        return Optional.empty();
    }
}
