package dev.roadwarrior.engine.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Notices, when asked every few seconds, that the host's path to the gateway may have changed:
 * the route to the gateway now leaves from another local address than the sockets' (a new
 * network), or the wall clock moved much further than the monotonic clock since the last look
 * (the machine slept, and NAT mappings have probably expired meanwhile).
 *
 * <p>Threading: confined to the engine thread.
 */
final class NetworkWatch {

    /** What changed. */
    enum Change { NONE, LOCAL_ADDRESS, RESUMED }

    /** Wall-clock time passing this much faster than the monotonic clock means the machine slept. */
    static final long RESUME_GAP_MILLIS = 10_000;

    private long wallAtCheck;
    private long monotonicAtCheck = Long.MIN_VALUE;

    /**
     * Looks now.
     *
     * @param monotonicMillis the engine's monotonic clock
     * @param wallMillis the wall clock
     */
    Change check(GatewaySockets sockets, long monotonicMillis, long wallMillis) {
        boolean resumed = monotonicAtCheck != Long.MIN_VALUE
                && wallMillis - wallAtCheck - (monotonicMillis - monotonicAtCheck) > RESUME_GAP_MILLIS;
        wallAtCheck = wallMillis;
        monotonicAtCheck = monotonicMillis;
        try {
            Optional<InetAddress> source = sockets.routeSource();
            if (source.isPresent() && !source.get().equals(sockets.localIke().getAddress())) {
                return Change.LOCAL_ADDRESS;
            }
        } catch (IOException e) {
            return Change.NONE; // the sockets are being replaced
        }
        return resumed ? Change.RESUMED : Change.NONE;
    }
}
