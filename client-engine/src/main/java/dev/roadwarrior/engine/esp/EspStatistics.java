package dev.roadwarrior.engine.esp;

import java.util.Map;

/**
 * A snapshot of the data plane counters. Byte counts are inner (plaintext IPv4) bytes.
 *
 * @param packetsIn inner packets delivered from the network
 * @param bytesIn bytes of those packets
 * @param packetsOut inner packets encapsulated for the network
 * @param bytesOut bytes of those packets
 * @param drops packets dropped, by reason; every reason is present (0 when none)
 */
public record EspStatistics(long packetsIn, long bytesIn, long packetsOut, long bytesOut,
        Map<DropReason, Long> drops) {

    public EspStatistics {
        drops = Map.copyOf(drops);
    }

    /** Packets dropped for one reason. */
    public long dropped(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }

    /** Packets dropped for any reason. */
    public long totalDropped() {
        return drops.values().stream().mapToLong(Long::longValue).sum();
    }
}
