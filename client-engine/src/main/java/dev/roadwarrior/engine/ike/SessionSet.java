package dev.roadwarrior.engine.ike;

import java.util.ArrayList;
import java.util.List;

/**
 * The ISAKMP SAs of one connection by role: the {@link #current} one carries (or is bringing up)
 * the tunnel; the {@link #next} one is a phase 1 rekey under way; the {@link #retiring} one was
 * replaced and is deleted at {@link #retireAt}, once the SA pairs it handed over are gone.
 *
 * <p>Threading: confined to the engine thread.
 */
final class SessionSet {

    /** How long the old ISAKMP SA lives after a phase 1 rekey: until the pairs it handed over are gone. */
    static final long RETIRE_MILLIS = ChildSas.ACTIVATE_DELAY_MILLIS + ChildSas.GRACE_MILLIS + 1_000;

    private IkeSaSession current;
    private IkeSaSession next;
    private IkeSaSession retiring;
    private long retireAt = Long.MAX_VALUE;

    IkeSaSession current() {
        return current;
    }

    IkeSaSession next() {
        return next;
    }

    boolean isCurrent(IkeSaSession s) {
        return s != null && s == current;
    }

    boolean isNext(IkeSaSession s) {
        return s != null && s == next;
    }

    boolean isRetiring(IkeSaSession s) {
        return s != null && s == retiring;
    }

    void current(IkeSaSession s) {
        current = s;
    }

    /** Starts a phase 1 rekey: {@code s} negotiates while the current SA carries on. */
    void next(IkeSaSession s) {
        next = s;
    }

    long retireAt() {
        return retireAt;
    }

    /**
     * The rekey succeeded: the new SA becomes current and takes over the old one's SA pairs; the
     * old one retires (replacing one still retiring, which is deleted at once).
     */
    void promoteNext(long now) {
        IkeSaSession old = current;
        current = next;
        next = null;
        if (old != null) {
            current.adopt(old, now);
            if (retiring != null) {
                retiring.close(true);
            }
            retiring = old;
            retireAt = now + RETIRE_MILLIS;
        }
    }

    /** The current SA ended while a rekey was under way: the new SA takes over (and the pairs, once authenticated). */
    void replaceCurrentByNext(IkeSaSession ended, long now) {
        if (next.authenticatedAt() >= 0) {
            next.adopt(ended, now);
        }
        current = next;
        next = null;
    }

    /** Forgets {@code s} in whatever role it had. */
    void remove(IkeSaSession s) {
        if (s == retiring) {
            retiring = null;
            retireAt = Long.MAX_VALUE;
        }
        if (s == next) {
            next = null;
            if (current != null) {
                current.rekeyFailed();
            }
        }
        if (s == current) {
            current = null;
        }
    }

    /** Deletes the retiring SA when its time has come. */
    void retireDue(long now) {
        if (now >= retireAt) {
            retireAt = Long.MAX_VALUE;
            retiring.close(true);
            retiring = null;
        }
    }

    /** The sessions still taking input, newest first. */
    List<IkeSaSession> live() {
        List<IkeSaSession> all = new ArrayList<>(3);
        for (IkeSaSession s : all()) {
            if (!s.finished()) {
                all.add(s);
            }
        }
        return all;
    }

    /** Every session held, ending ones included, newest first. */
    List<IkeSaSession> all() {
        List<IkeSaSession> all = new ArrayList<>(3);
        for (IkeSaSession s : new IkeSaSession[] {next, current, retiring}) {
            if (s != null && s.state() != IkeSaState.DESTROYED) {
                all.add(s);
            }
        }
        return all;
    }

    /** Closes every session, telling the gateway. */
    void closeAll() {
        for (IkeSaSession s : all()) {
            s.close(true);
        }
        current = null;
        next = null;
        retiring = null;
    }
}
