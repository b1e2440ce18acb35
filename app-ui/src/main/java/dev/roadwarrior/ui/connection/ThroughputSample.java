package dev.roadwarrior.ui.connection;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of the throughput chart: the mean rates since the previous point.
 *
 * @param time when the counters were read
 * @param bytesInPerSecond inner bytes per second from the gateway
 * @param bytesOutPerSecond inner bytes per second to the gateway
 */
public record ThroughputSample(Instant time, double bytesInPerSecond, double bytesOutPerSecond) {
    public ThroughputSample {
        Objects.requireNonNull(time, "time");
    }
}
