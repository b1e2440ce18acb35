package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.FailureReason;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * When the {@link IkeClient} tries again, and whether: the next reconnect attempt (with
 * {@link ReconnectPolicy}'s backoff), the next phase 1 rekey (from the SA's lifetime, or after a
 * failed rekey), how many attempts a first connect gets, and how often a starved tunnel may be
 * restarted. Pure bookkeeping: it sends nothing.
 *
 * <p>Threading: confined to the engine thread.
 */
final class ReconnectSchedule {

    /** Attempts of a first connect that reached the gateway but then broke off (e.g. lost packets). */
    static final int FIRST_CONNECT_ATTEMPTS = 3;
    /** At most one restart because the gateway's ESP stays away while it answers DPD, per this period. */
    static final long STARVED_RESTART_MILLIS = 600_000;
    /**
     * Attempts after a gateway that worked before refused every proposal: it is most likely
     * restarting (strongSwan answers NO_PROPOSAL_CHOSEN while its daemon runs but its connections
     * are not loaded yet); if it still refuses, its configuration changed and the connection fails.
     */
    static final int PROPOSAL_REFUSALS_RETRIED = 3;

    private final ReconnectPolicy policy;
    private final RandomGenerator random;
    private long retryAt = Long.MAX_VALUE;
    private long rekeyAt = Long.MAX_VALUE;
    private int attempts;
    private int rekeyAttempts;
    private int proposalRefusals;
    private boolean reached;
    private OptionalLong lastStarvedRestart = OptionalLong.empty();

    ReconnectSchedule(ReconnectPolicy policy, RandomGenerator random) {
        this.policy = policy;
        this.random = random;
    }

    long retryAt() {
        return retryAt;
    }

    long rekeyAt() {
        return rekeyAt;
    }

    /** Whether a reconnect attempt is scheduled. */
    boolean retrying() {
        return retryAt != Long.MAX_VALUE;
    }

    /** Whether the scheduled reconnect attempt is due; it is then no longer scheduled. */
    boolean retryDue(long now) {
        if (now < retryAt) {
            return false;
        }
        retryAt = Long.MAX_VALUE;
        return true;
    }

    /** Whether the scheduled phase 1 rekey is due; it is then no longer scheduled. */
    boolean rekeyDue(long now) {
        if (now < rekeyAt) {
            return false;
        }
        rekeyAt = Long.MAX_VALUE;
        return true;
    }

    /** Tries again at once (a new network may work now). */
    void retryNow(long now) {
        retryAt = now;
    }

    /** The current SA reached the gateway (phase 1 succeeded). */
    void reached() {
        reached = true;
    }

    /**
     * The tunnel is up on an SA authenticated at {@code authenticatedAt} with a phase 1 lifetime
     * of {@code lifeSeconds} (0: none): attempts start over, and its rekey is scheduled.
     */
    void tunnelUp(long authenticatedAt, long lifeSeconds, long now) {
        attempts = 0;
        rekeyAttempts = 0;
        proposalRefusals = 0;
        rekeyAt = lifeSeconds <= 0 ? Long.MAX_VALUE
                : Math.max(now + 1_000, authenticatedAt + Lifetimes.rekeyAfterMillis(lifeSeconds, random));
    }

    /** A phase 1 rekey failed: the old SA carries on, and the rekey is tried again after a backoff. */
    void rekeyFailed(long now) {
        rekeyAt = now + Math.max(1_000, policy.delayMillis(++rekeyAttempts, random));
    }

    /**
     * Whether the current SA's end with {@code reason} is worth another attempt ({@code worked}: the
     * tunnel was up). A refusal of the proposals after the tunnel was up is counted here: up to
     * {@link #PROPOSAL_REFUSALS_RETRIED} of them are retried.
     */
    boolean worthRetrying(FailureReason reason, boolean worked) {
        if (reason == FailureReason.NO_PROPOSAL_CHOSEN && worked) {
            return ++proposalRefusals <= PROPOSAL_REFUSALS_RETRIED;
        }
        return retryable(reason, worked) && (worked || reached && attempts + 1 < FIRST_CONNECT_ATTEMPTS);
    }

    /**
     * Schedules the next reconnect attempt; returns its delay. After an attempt that went
     * unanswered through all its retransmissions ({@code afterSilence}) the next one follows at
     * once: those half-minute retransmissions were the wait, and another pause would leave a
     * gateway that came back meanwhile unasked for longer than a retransmission interval.
     */
    long scheduleRetry(long now, boolean afterSilence) {
        long delay = policy.delayMillis(attempts++, random);
        if (afterSilence) {
            delay = 0;
        }
        retryAt = now + delay;
        rekeyAt = Long.MAX_VALUE;
        return delay;
    }

    /**
     * Whether a starved tunnel may be restarted now: the first time always, then at most once per
     * {@link #STARVED_RESTART_MILLIS}. When it may, the restart is counted from {@code now}.
     */
    boolean starvedRestartAllowed(long now) {
        if (lastStarvedRestart.isPresent() && now - lastStarvedRestart.getAsLong() < STARVED_RESTART_MILLIS) {
            return false;
        }
        lastStarvedRestart = OptionalLong.of(now);
        return true;
    }

    /**
     * Whether an end with this reason is worth another attempt (else the connection fails). A
     * gateway that does not start XAuth is most likely configured for another method, unless the
     * connection has worked before ({@code worked}): then it may be restarting.
     */
    static boolean retryable(FailureReason reason, boolean worked) {
        switch (reason) {
            case XAUTH_NOT_STARTED:
                return worked;
            case GATEWAY_UNREACHABLE:
            case PEER_DEAD:
            case DELETED_BY_GATEWAY:
            case PROTOCOL_ERROR:
            case LOCAL_NETWORK_ERROR:
                return true;
            default:
                return false;
        }
    }
}
