package dev.roadwarrior.engine.ike;

import java.util.Map;

/**
 * What the data plane saw, as the runtime reports it to the session (see
 * {@link IkeSession#traffic}): when ESP last arrived from the gateway and last went to it, and
 * the inner bytes each installed SA has carried (for kilobyte lifetimes).
 *
 * @param lastInboundMillis when the last ESP packet from the gateway was accepted (monotonic
 *     clock of the session), or {@link Long#MIN_VALUE} before any
 * @param lastOutboundMillis when the last ESP packet was sent, or {@link Long#MIN_VALUE}
 * @param inboundBytes inner bytes received per inbound SPI
 * @param outboundBytes inner bytes sent per outbound SPI
 */
public record EspActivity(long lastInboundMillis, long lastOutboundMillis, Map<Integer, Long> inboundBytes,
        Map<Integer, Long> outboundBytes) {

    /** Nothing seen yet. */
    public static final EspActivity NONE = new EspActivity(Long.MIN_VALUE, Long.MIN_VALUE, Map.of(), Map.of());

    public EspActivity {
        inboundBytes = Map.copyOf(inboundBytes);
        outboundBytes = Map.copyOf(outboundBytes);
    }

    /** The bytes the SA pair carried in its busier direction. */
    public long bytes(int inboundSpi, int outboundSpi) {
        return Math.max(inboundBytes.getOrDefault(inboundSpi, 0L), outboundBytes.getOrDefault(outboundSpi, 0L));
    }
}
