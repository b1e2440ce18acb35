package dev.roadwarrior.engine.esp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The SAs of one tunnel: inbound SAs by SPI, and the one outbound SA in use.
 *
 * <p>Rekeying is make-before-break: {@link #install} adds the new inbound SA and then switches
 * outbound to the new outbound SA, while the old inbound SA keeps accepting packets still in
 * flight until the IKE layer {@linkplain #removeInbound removes} it (on its Delete or expiry).
 *
 * <p>Threading: changes may come from any thread (they are serialised; normally only the IKE
 * engine writes). Lookups never block and see either the old or the new table, so the packet
 * threads may read at any time.
 */
public final class SaTable {

    private volatile EspSa[] inbound = new EspSa[0];
    private volatile EspSa outbound;

    /**
     * Adds an inbound SA.
     *
     * @throws IllegalArgumentException when the SA is outbound or its SPI is already present
     */
    public synchronized void addInbound(EspSa sa) {
        if (sa.direction() != Direction.INBOUND) {
            throw new IllegalArgumentException("not an inbound SA: " + sa);
        }
        if (find(sa.spi()) != null) {
            throw new IllegalArgumentException("inbound SPI already in use: " + sa);
        }
        EspSa[] next = Arrays.copyOf(inbound, inbound.length + 1);
        next[next.length - 1] = sa;
        inbound = next;
    }

    /** Removes the inbound SA with this SPI; returns it, or empty when there is none. */
    public synchronized Optional<EspSa> removeInbound(int spi) {
        EspSa sa = find(spi);
        if (sa != null) {
            inbound = Arrays.stream(inbound).filter(s -> s != sa).toArray(EspSa[]::new);
        }
        return Optional.ofNullable(sa);
    }

    /**
     * Makes this SA the one used for sending.
     *
     * @throws IllegalArgumentException when the SA is inbound
     */
    public synchronized void setOutbound(EspSa sa) {
        if (sa.direction() != Direction.OUTBOUND) {
            throw new IllegalArgumentException("not an outbound SA: " + sa);
        }
        outbound = sa;
    }

    /**
     * Stops sending on the outbound SA with this SPI, if it is still the current one (a Delete of
     * an SA that a rekey already replaced changes nothing).
     *
     * @return whether the outbound SA was removed
     */
    public synchronized boolean removeOutbound(int spi) {
        EspSa current = outbound;
        if (current != null && current.spi() == spi) {
            outbound = null;
            return true;
        }
        return false;
    }

    /** Installs the two directions of a new SA: inbound first, then switches outbound to it. */
    public synchronized void install(EspSa inboundSa, EspSa outboundSa) {
        if (outboundSa.direction() != Direction.OUTBOUND) {
            throw new IllegalArgumentException("not an outbound SA: " + outboundSa);
        }
        addInbound(inboundSa);
        outbound = outboundSa;
    }

    /** Removes every SA (tunnel down). */
    public synchronized void clear() {
        inbound = new EspSa[0];
        outbound = null;
    }

    /** The inbound SA with this SPI. */
    public Optional<EspSa> inbound(int spi) {
        return Optional.ofNullable(find(spi));
    }

    /** All inbound SAs, oldest first. */
    public List<EspSa> inboundSas() {
        return List.of(inbound);
    }

    /** The SA used for sending, or empty before the first Quick Mode completes. */
    public Optional<EspSa> outbound() {
        return Optional.ofNullable(outbound);
    }

    /** The inbound SA with this SPI, or null; allocates nothing (packet path). */
    EspSa find(int spi) {
        for (EspSa sa : inbound) {
            if (sa.spi() == spi) {
                return sa;
            }
        }
        return null;
    }
}
