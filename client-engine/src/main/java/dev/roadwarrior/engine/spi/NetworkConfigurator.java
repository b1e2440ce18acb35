package dev.roadwarrior.engine.spi;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.OptionalInt;

/**
 * Puts a tunnel's settings on the host and takes them off again. Implementations live in
 * platform-adapters; the engine only sees this interface.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #openTun} creates the TUN device, up, with the MTU; nothing else.</li>
 *   <li>{@link #apply} gives the device its address, installs the routes (split include, split
 *       exclude, or default routes plus a host route to the gateway over the original path) and
 *       DNS. If any step fails it undoes the steps already done and throws.</li>
 *   <li>{@link #revert} removes everything {@code apply} did and restores DNS exactly as it was,
 *       then closes the TUN device. It is idempotent, never throws for something already gone,
 *       and tries every step even when one fails.</li>
 *   <li>{@link #recoverLeftovers} undoes changes recorded by an earlier process that died
 *       without reverting (crash safety); it is called before a new tunnel is set up.</li>
 * </ul>
 * Calls are made from one thread at a time.
 */
public interface NetworkConfigurator {

    /** Creates a TUN device named like {@code namePrefix} (e.g. {@code rw} gives rw0). */
    TunDevice openTun(String namePrefix, int mtu) throws IOException;

    /** Applies {@code config} to {@code tun}; all or nothing. */
    void apply(TunDevice tun, TunnelConfig config) throws IOException;

    /**
     * Whether the DNS settings of the last {@link #apply} send only the names under the tunnel's
     * split-DNS domains to its DNS servers (all other names keep the host's servers). When false,
     * split-DNS domains cannot be honoured and every name goes to the tunnel's servers. Only
     * meaningful after {@code apply}; true by default.
     */
    default boolean routesDnsByDomain() {
        return true;
    }

    /**
     * The largest IP datagram the host can now send towards {@code destination} without
     * fragmentation: the path MTU the kernel learned from ICMP "fragmentation needed", else the MTU
     * of the outgoing interface; empty when the host cannot tell.
     */
    default OptionalInt pathMtu(Inet4Address destination) {
        return OptionalInt.empty();
    }

    /** Undoes {@link #apply} and closes the TUN device opened by {@link #openTun}. */
    void revert();

    /** Undoes leftovers of a process that died with a tunnel up; a no-op when there are none. */
    void recoverLeftovers();
}
