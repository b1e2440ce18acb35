package dev.roadwarrior.engine.ike;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The ESP SA pairs of one ISAKMP SA and their lives: installed make-before-break, the newest
 * active pair carries the outbound traffic, older pairs keep accepting packets for
 * {@link #GRACE_MILLIS} after a newer one took over and are then deleted at the gateway and
 * removed from the data plane. Tells the session when the current pair is due for renewal (time
 * or bytes) and removes pairs whose lifetime ran out.
 *
 * <p>Threading: confined to the engine thread.
 */
final class ChildSas {

    /** How long after our rekey the new outbound SA waits, so that the gateway has installed its inbound side. */
    static final long ACTIVATE_DELAY_MILLIS = 300;
    /** How long a replaced pair keeps accepting packets still in flight. */
    static final long GRACE_MILLIS = 5_000;
    /** The lifetime IKEv1 assumes when none was negotiated (RFC 2407 §4.5). */
    static final long DEFAULT_LIFETIME_SECONDS = 28_800;

    /** One SA pair: its SPIs and timers (never its keys, which the data plane owns). */
    private static final class Child {
        final int inboundSpi;
        final int outboundSpi;
        final long rekeyAt;
        final long expireAt;
        final long rekeyBytes;
        long activateAt = Long.MAX_VALUE;
        long deleteAt = Long.MAX_VALUE;
        boolean active;

        Child(ChildSaKeys keys, long now, long lifetimeSeconds, RandomGenerator random) {
            this.inboundSpi = keys.inboundSpi();
            this.outboundSpi = keys.outboundSpi();
            this.rekeyAt = saturatedAdd(now, Lifetimes.rekeyAfterMillis(lifetimeSeconds, random));
            this.expireAt = now + lifetimeSeconds * 1000;
            this.rekeyBytes = Lifetimes.rekeyAfterBytes(keys.lifetimeKilobytes());
        }
    }

    /** What {@link #tick} found. */
    enum Due { NOTHING, REKEY }

    private final Consumer<IkeOutput> out;
    private final Informational informational;
    private final RandomGenerator random;
    private final long fallbackLifetimeSeconds;
    private final List<Child> children = new ArrayList<>();
    private boolean rekeyRequested;
    private boolean rekeying;

    /**
     * @param fallbackLifetimeSeconds the lifetime of a pair negotiated without one (the profile's,
     *     or 0 for the IKEv1 default)
     */
    ChildSas(Consumer<IkeOutput> out, Informational informational, RandomGenerator random,
            long fallbackLifetimeSeconds) {
        this.out = out;
        this.informational = informational;
        this.random = random;
        this.fallbackLifetimeSeconds = fallbackLifetimeSeconds > 0 ? fallbackLifetimeSeconds : DEFAULT_LIFETIME_SECONDS;
    }

    /**
     * Installs a new pair. The outbound side is used at once ({@code activateAt} = now), after a
     * delay, or only once {@link #confirm}ed ({@link Long#MAX_VALUE}); when it takes over, the
     * pair it replaces gets its grace period.
     */
    void install(ChildSaKeys keys, long now, long activateAt) {
        long life = keys.lifetimeSeconds() > 0 ? keys.lifetimeSeconds() : fallbackLifetimeSeconds;
        Child child = new Child(keys, now, life, random);
        children.add(child);
        rekeying = false;
        boolean atOnce = activateAt <= now;
        out.accept(new IkeOutput.InstallChildSa(keys, atOnce));
        if (atOnce) {
            activated(child, now);
        } else {
            child.activateAt = activateAt;
        }
    }

    /** The gateway confirmed a pair installed with a pending outbound side (HASH(3) of its Quick Mode). */
    void confirm(int inboundSpi, long now) {
        for (Child c : children) {
            if (c.inboundSpi == inboundSpi && !c.active) {
                c.activateAt = now;
            }
        }
    }

    /** Forgets a pair whose negotiation the gateway did not finish (no delete is sent). */
    void discard(int inboundSpi) {
        children.removeIf(c -> {
            if (c.inboundSpi == inboundSpi && !c.active) {
                out.accept(new IkeOutput.RemoveChildSa(c.inboundSpi, c.outboundSpi));
                return true;
            }
            return false;
        });
    }

    /** Whether a pair is active (carries outbound traffic). */
    boolean up() {
        return current() != null;
    }

    /** Asks for a renewal of the current pair at the next {@link #tick} (its bytes ran out). */
    void traffic(EspActivity activity) {
        Child c = current();
        if (c != null && activity.bytes(c.inboundSpi, c.outboundSpi) >= c.rekeyBytes) {
            rekeyRequested = true;
        }
    }

    /**
     * The gateway deleted the pair whose outbound SPI is {@code spi}. When that was the pair in use
     * and a pair of the gateway's own Quick Mode still waits for its third message, the gateway has
     * finished that Quick Mode on its side (it deletes the old pair only after the rekey), so the
     * waiting pair takes over now instead of leaving no pair to send with until the exchange times out.
     *
     * @return true when it was the pair carrying the traffic, so that a new one is needed now
     */
    boolean deletedByGateway(int spi, long now) {
        Child current = current();
        for (Iterator<Child> it = children.iterator(); it.hasNext();) {
            Child c = it.next();
            if (c.outboundSpi == spi) {
                it.remove();
                out.accept(new IkeOutput.RemoveChildSa(c.inboundSpi, c.outboundSpi));
                if (c == current && activateUnconfirmed(now)) {
                    return false;
                }
                return c == current && !renewing();
            }
        }
        return false;
    }

    /** Lets the newest pair that waits for the gateway's confirmation take over at {@code now}. */
    private boolean activateUnconfirmed(long now) {
        for (int i = children.size() - 1; i >= 0; i--) {
            Child c = children.get(i);
            if (!c.active && c.activateAt == Long.MAX_VALUE && c.deleteAt == Long.MAX_VALUE) {
                c.activateAt = now;
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the timers: activations, deletes after the grace period, expiries. When the pair in use
     * expires while a pair of the gateway's own Quick Mode waits for its third message, that pair
     * takes over (the gateway already sends with it) rather than leaving none until the exchange
     * times out.
     *
     * @return {@link Due#REKEY} when the current pair must be renewed
     */
    Due tick(long now) {
        for (Child c : List.copyOf(children)) {
            if (!c.active && now >= c.activateAt) {
                out.accept(new IkeOutput.ActivateOutbound(c.outboundSpi));
                activated(c, now);
            }
        }
        boolean lost = false;
        for (Iterator<Child> it = children.iterator(); it.hasNext();) {
            Child c = it.next();
            if (now >= c.deleteAt || now >= c.expireAt) {
                it.remove();
                lost |= c.active;
                informational.deleteChild(c.inboundSpi);
                out.accept(new IkeOutput.RemoveChildSa(c.inboundSpi, c.outboundSpi));
            }
        }
        if (lost && current() == null && activateUnconfirmed(now)) {
            lost = false; // the gateway's new pair, still waiting for its third message, takes over
        }
        Child c = current();
        boolean due = c != null ? now >= c.rekeyAt || rekeyRequested : lost;
        return due && !renewing() ? Due.REKEY : Due.NOTHING;
    }

    /** A renewal was started: no other is due until it installs a new pair (then on that pair's timers). */
    void rekeyStarted() {
        rekeyRequested = false;
        rekeying = true;
    }

    /** When the pair that carries traffic is due for renewal; {@code Long.MAX_VALUE}: none carries traffic. */
    long nextRekeyAt() {
        Child current = current();
        return current == null ? Long.MAX_VALUE : current.rekeyAt;
    }

    /** When {@link #tick} is next due. */
    long nextDeadline() {
        long next = Long.MAX_VALUE;
        Child current = current();
        for (Child c : children) {
            next = Math.min(next, Math.min(c.active ? Long.MAX_VALUE : c.activateAt, Math.min(c.deleteAt, c.expireAt)));
            if (c == current && !renewing()) {
                next = Math.min(next, c.rekeyAt);
            }
        }
        return next;
    }

    /**
     * Takes over the pairs of an ISAKMP SA that this one replaces (a phase 1 rekey): they keep
     * their SAs in the data plane for the grace period, then are deleted through this SA.
     */
    void adopt(ChildSas old, long now) {
        for (Child c : old.children) {
            c.active = false;
            c.activateAt = Long.MAX_VALUE;
            c.deleteAt = now + ACTIVATE_DELAY_MILLIS + GRACE_MILLIS;
            children.add(0, c);
        }
        old.children.clear();
    }

    /**
     * Ends every pair: deleted at the gateway when {@code tellGateway}, always removed from the
     * data plane.
     */
    void clear(boolean tellGateway) {
        for (Child c : children) {
            if (tellGateway) {
                informational.deleteChild(c.inboundSpi);
            }
            out.accept(new IkeOutput.RemoveChildSa(c.inboundSpi, c.outboundSpi));
        }
        children.clear();
    }

    private void activated(Child child, long now) {
        for (Child c : children) {
            if (c != child && c.active) {
                c.active = false;
                c.deleteAt = Math.min(c.deleteAt, now + GRACE_MILLIS);
            }
        }
        child.active = true;
        child.activateAt = Long.MAX_VALUE;
    }

    /** Whether a renewal is under way: negotiating, or a new pair waits to take over the outbound traffic. */
    private boolean renewing() {
        return rekeying || children.stream().anyMatch(c -> !c.active && c.deleteAt == Long.MAX_VALUE);
    }

    /** The newest active pair, or null. */
    private Child current() {
        for (int i = children.size() - 1; i >= 0; i--) {
            if (children.get(i).active) {
                return children.get(i);
            }
        }
        return null;
    }

    private static long saturatedAdd(long a, long b) {
        return b == Long.MAX_VALUE ? Long.MAX_VALUE : a + b;
    }
}
