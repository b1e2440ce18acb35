package dev.roadwarrior.engine.runtime;

/**
 * The tunnel's effective MTU: the largest inner packet that goes out whole. It starts as the TUN
 * device's MTU and only goes down, when the path towards the gateway turns out smaller (the
 * kernel reports EMSGSIZE on the socket and learns the path MTU from ICMP).
 *
 * <p>Threading: set by the engine thread, read by the TUN reader and the engine thread.
 */
final class TunnelMtu {

    private volatile int inner = Integer.MAX_VALUE;

    /** The effective MTU; {@link Integer#MAX_VALUE} until the tunnel is up. */
    int inner() {
        return inner;
    }

    /** Starts over with the TUN device's MTU (a new host configuration). */
    void reset(int tunMtu) {
        inner = tunMtu;
    }

    /** Lowers the effective MTU; returns whether it went down. */
    boolean lower(int mtu) {
        if (mtu >= inner) {
            return false;
        }
        inner = mtu;
        return true;
    }
}
