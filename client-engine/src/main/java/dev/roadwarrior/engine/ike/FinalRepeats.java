package dev.roadwarrior.engine.ike;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The unacknowledged last messages of one SA's exchanges, sent again on our own timer (the
 * {@link TaskManager}'s helper):
 * <ul>
 *   <li>a message that ends our part of an exchange (Aggressive Mode's third message, Quick
 *       Mode's HASH(3), our answer to a gateway's XAuth or Mode Config message) is noticed lost
 *       only when the gateway retransmits its own message, seconds later (strongSwan waits 4 s,
 *       then 7 s, 13 s ...), while the connect waits: it is sent again {@link #FINAL_REPEATS_MILLIS}
 *       later (a gateway takes the copies for retransmissions);</li>
 *   <li>a message after which the gateway must start the next exchange (Aggressive Mode's third
 *       message, before XAuth) can be resent every {@link #RESEND_MILLIS} until a message of the
 *       gateway's arrives ({@link #resendLastUntilHeard}): a gateway does not retransmit the
 *       message that third one answered, so losing all its copies would otherwise stall the
 *       connect.</li>
 * </ul>
 *
 * <p>Threading: confined to the engine thread.
 */
final class FinalRepeats {

    /**
     * When a message that ends our part of an exchange is sent again, after its first transmission:
     * five copies in six seconds. Losing a Quick Mode's HASH(3) and every copy leaves the gateway
     * without the SA pair while we send with it; at 10 % loss three copies are all lost once in a
     * thousand Quick Modes (an hour's soak test saw it), five once in a hundred thousand.
     */
    static final long[] FINAL_REPEATS_MILLIS = {500, 1_500, 3_000, 6_000};
    /** How often {@link #resendLastUntilHeard} sends the last message again. */
    static final long RESEND_MILLIS = 3_000;
    private static final System.Logger LOG = System.getLogger(FinalRepeats.class.getName());

    /** A copy of a final message, due at {@code at}. */
    private record Repeat(List<byte[]> datagrams, boolean natt, long at) {
    }

    private final List<Repeat> repeats = new ArrayList<>();
    private final Consumer<IkeOutput> output;
    /** The datagrams of the last message sent, and when they are next sent again. */
    private List<byte[]> lastSent = List.of();
    private boolean lastSentNatt;
    private long resendAt = Long.MAX_VALUE;

    FinalRepeats(Consumer<IkeOutput> output) {
        this.output = output;
    }

    /** Notes the last message sent (for {@link #resendLastUntilHeard}). */
    void sent(List<byte[]> datagrams, boolean natt) {
        lastSent = datagrams;
        lastSentNatt = natt;
    }

    /** Schedules the copies of a message that ends our part of an exchange. */
    void repeatLater(List<byte[]> datagrams, boolean natt, long now) {
        for (long delay : FINAL_REPEATS_MILLIS) {
            repeats.add(new Repeat(datagrams, natt, now + delay));
        }
    }

    /** Sends the last message sent again every {@link #RESEND_MILLIS} until {@link #heard}. */
    void resendLastUntilHeard(long now) {
        resendAt = lastSent.isEmpty() ? Long.MAX_VALUE : now + RESEND_MILLIS;
    }

    /** A message of the gateway's was processed: no more resending of the last message. */
    void heard() {
        resendAt = Long.MAX_VALUE;
    }

    void clear() {
        resendAt = Long.MAX_VALUE;
        repeats.clear();
    }

    /** Sends what is due. */
    void tick(long now) {
        if (now >= resendAt) {
            resendAt = now + RESEND_MILLIS;
            LOG.log(System.Logger.Level.DEBUG, "nothing from the gateway yet; sending our last message again");
            send(lastSent, lastSentNatt);
        }
        for (Repeat r : List.copyOf(repeats)) {
            if (now >= r.at()) {
                repeats.remove(r);
                send(r.datagrams(), r.natt());
            }
        }
    }

    /** When {@link #tick} is next due, or {@link Long#MAX_VALUE}. */
    long nextDeadline() {
        long next = resendAt;
        for (Repeat r : repeats) {
            next = Math.min(next, r.at());
        }
        return next;
    }

    private void send(List<byte[]> datagrams, boolean natt) {
        for (byte[] d : datagrams) {
            output.accept(new IkeOutput.Send(d, natt));
        }
    }
}
