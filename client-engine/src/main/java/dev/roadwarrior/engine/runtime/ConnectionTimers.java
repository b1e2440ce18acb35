package dev.roadwarrior.engine.runtime;

/**
 * The timers of one connection's event loop, on the engine's monotonic clock: the traffic report
 * (the session hears what ESP did, listeners get the counters), the look at the route to the
 * gateway, the NAT keepalive, and the grace period of a disconnect. The session's own deadline
 * comes from the session; {@link #waitMillis} combines them all.
 *
 * <p>Threading: confined to the engine thread.
 */
final class ConnectionTimers {

    /** How often the session hears what the data plane saw, and listeners get the counters ({@code Statistics}). */
    static final long TRAFFIC_REPORT_MILLIS = 1_000;
    /** How often the route to the gateway is looked up (has the local address changed?). */
    static final long NETWORK_CHECK_MILLIS = 2_000;
    /** How long a disconnect waits for the session to finish before the host is restored anyway. */
    static final long DISCONNECT_GRACE_MILLIS = 5_000;

    private long nextTraffic = Long.MAX_VALUE;
    private long nextNetworkCheck = Long.MAX_VALUE;
    private long nextKeepalive = Long.MAX_VALUE;
    private long disconnectDeadline = Long.MAX_VALUE;

    /** Starts the traffic report and the network check. */
    void start(long now) {
        nextTraffic = now + TRAFFIC_REPORT_MILLIS;
        nextNetworkCheck = now + NETWORK_CHECK_MILLIS;
    }

    /** Whether the traffic report is due; if so, the next one is scheduled. */
    boolean trafficDue(long now) {
        if (now < nextTraffic) {
            return false;
        }
        nextTraffic = now + TRAFFIC_REPORT_MILLIS;
        return true;
    }

    /** Whether the network check is due; if so, the next one is scheduled. */
    boolean networkCheckDue(long now) {
        if (now < nextNetworkCheck) {
            return false;
        }
        nextNetworkCheck = now + NETWORK_CHECK_MILLIS;
        return true;
    }

    /** Starts sending keepalives every {@code seconds} (once NAT-T is active); later calls change nothing. */
    void armKeepalive(long now, int seconds) {
        if (nextKeepalive == Long.MAX_VALUE && seconds > 0) {
            nextKeepalive = now + seconds * 1000L;
        }
    }

    /** Whether a keepalive is due; if so, the next one is scheduled {@code seconds} later. */
    boolean keepaliveDue(long now, int seconds) {
        if (nextKeepalive > now) {
            return false;
        }
        nextKeepalive = now + seconds * 1000L;
        return true;
    }

    /** Starts the grace period of a disconnect. */
    void beginDisconnect(long now) {
        disconnectDeadline = now + DISCONNECT_GRACE_MILLIS;
    }

    /** Whether a disconnect has begun. */
    boolean disconnecting() {
        return disconnectDeadline != Long.MAX_VALUE;
    }

    /** Whether the grace period of the disconnect is over. */
    boolean disconnectExpired(long now) {
        return now >= disconnectDeadline;
    }

    /** How long the loop may wait for a datagram: until the earliest timer, at least 1 ms. */
    long waitMillis(long now, long sessionDeadline) {
        long wake = Math.min(Math.min(Math.min(sessionDeadline, nextKeepalive), disconnectDeadline),
                Math.min(nextTraffic, nextNetworkCheck));
        return Math.max(1, wake - now);
    }
}
