package dev.roadwarrior.engine.ike;

/**
 * When to ask the gateway whether it is alive (RFC 3706 R-U-THERE) and when to give it up: the
 * "worry metric" of the RFC plus an idle probe. A pure state machine over the times it is told.
 *
 * <ul>
 *   <li>Worry: traffic went out after the last sign of life from the gateway, and that sign is
 *       {@link #WORRY_MILLIS} old.</li>
 *   <li>Idle: nothing came from the gateway for {@link #IDLE_MILLIS} (so that a dead gateway is
 *       found even without traffic, like Shrew Soft's client).</li>
 *   <li>A probe round sends R-U-THERE every {@link #RETRY_MILLIS}, each with the next sequence
 *       number, {@link #TRIES} times; any sign of life ends it; without one the peer is dead.</li>
 *   <li>Starved: the gateway answers R-U-THERE but its ESP stays away while ours flows, for
 *       {@link #STARVED_ROUNDS} rounds in a row: the NAT in between has probably moved and the
 *       gateway sends to the old mapping.</li>
 * </ul>
 *
 * <p>Threading: confined to the engine thread.
 */
final class DeadPeerDetection {

    static final long WORRY_MILLIS = 5_000;
    static final long IDLE_MILLIS = 15_000;
    static final long RETRY_MILLIS = 2_000;
    static final int TRIES = 4;
    static final int STARVED_ROUNDS = 3;

    /** What to do now. */
    enum Action { NONE, SEND, DEAD, STARVED }

    private long lastHeard;
    private long lastEspIn;
    private long lastEspOut = Long.MIN_VALUE;
    private int sequence;
    private boolean probing;
    private long roundStart;
    private int sent;
    private long nextSend;
    private int starvedRounds;

    /**
     * @param now when the SA came up (the first sign of life)
     * @param firstSequence the sequence number before the first R-U-THERE (random, per RFC 3706)
     */
    DeadPeerDetection(long now, int firstSequence) {
        this.lastHeard = now;
        this.lastEspIn = now;
        this.sequence = firstSequence;
    }

    /** The gateway showed life: an authenticated IKE message or an R-U-THERE-ACK. */
    void heard(long at) {
        lastHeard = Math.max(lastHeard, at);
    }

    /** What the data plane saw (see {@link EspActivity}). */
    void esp(long lastInbound, long lastOutbound) {
        if (lastInbound > lastEspIn) {
            lastEspIn = lastInbound;
            starvedRounds = 0;
        }
        lastEspOut = Math.max(lastEspOut, lastOutbound);
        heard(lastInbound);
    }

    /** An R-U-THERE-ACK with {@code sequence} came; true when it answers the current round. */
    boolean acked(int acked, long now) {
        if (!probing || acked - (sequence - sent) <= 0 || acked - sequence > 0) {
            return false;
        }
        heard(now);
        return true;
    }

    /** Starts a probe round at the next {@link #tick} (e.g. after the machine resumed). */
    void probeSoon(long now) {
        if (!probing) {
            startRound(now);
        }
    }

    /** The sequence number of the R-U-THERE to send after {@link Action#SEND}. */
    int sequence() {
        return sequence;
    }

    /** Decides what to do at {@code now}. */
    Action tick(long now) {
        if (probing) {
            if (lastHeard >= roundStart) {
                probing = false;
                boolean starving = lastEspOut > lastEspIn && lastEspIn < roundStart;
                starvedRounds = starving ? starvedRounds + 1 : 0;
                if (starvedRounds >= STARVED_ROUNDS) {
                    starvedRounds = 0;
                    return Action.STARVED;
                }
                return Action.NONE;
            }
            if (now < nextSend) {
                return Action.NONE;
            }
            if (sent >= TRIES) {
                probing = false;
                return Action.DEAD;
            }
            return send(now);
        }
        boolean worried = lastEspOut > lastHeard && now - lastHeard >= WORRY_MILLIS;
        if (worried || now - lastHeard >= IDLE_MILLIS) {
            startRound(now);
            return send(now);
        }
        return Action.NONE;
    }

    /** When {@link #tick} should next run. */
    long nextDeadline() {
        if (probing) {
            return lastHeard >= roundStart ? Long.MIN_VALUE : nextSend;
        }
        long idle = lastHeard + IDLE_MILLIS;
        return lastEspOut > lastHeard ? Math.min(idle, lastHeard + WORRY_MILLIS) : idle;
    }

    private void startRound(long now) {
        probing = true;
        roundStart = now;
        sent = 0;
        nextSend = now;
    }

    private Action send(long now) {
        sent++;
        sequence++;
        nextSend = now + RETRY_MILLIS;
        return Action.SEND;
    }
}
