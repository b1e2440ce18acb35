package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.ike.task.Task;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A message of ours that the {@link TaskManager} sends again until the gateway answers it: our
 * request in flight, or a responder task's answer that awaits the gateway's final message. It
 * holds the datagrams as sent (a retransmission is never encrypted again) and when to resend.
 *
 * <p>Threading: confined to the engine thread.
 */
final class Outstanding {

    final Task task;
    final int messageId;
    private final List<byte[]> datagrams;
    private final boolean natt;
    private int attempt;
    private long deadline;

    /** Sends {@code datagrams} now; the first retransmission is due after the policy's first timeout. */
    Outstanding(Task task, int messageId, List<byte[]> datagrams, boolean natt, RetransmitPolicy policy,
            RandomGenerator random, long now) {
        this.task = task;
        this.messageId = messageId;
        this.datagrams = datagrams;
        this.natt = natt;
        this.deadline = now + policy.timeoutMillis(0, random);
    }

    /** When the message is next due to be sent again (or given up). */
    long deadline() {
        return deadline;
    }

    /** Sends the message again, or returns false when it has been sent as often as the policy allows. */
    boolean retransmit(RetransmitPolicy policy, RandomGenerator random, Consumer<IkeOutput> output, long now) {
        if (attempt >= policy.retransmissions()) {
            return false;
        }
        attempt++;
        for (byte[] d : datagrams) {
            output.accept(new IkeOutput.Send(d, natt));
        }
        deadline = now + policy.timeoutMillis(attempt, random);
        return true;
    }
}
