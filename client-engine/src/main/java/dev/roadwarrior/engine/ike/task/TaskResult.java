package dev.roadwarrior.engine.ike.task;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import java.util.Optional;

/**
 * What processing a message led to, as strongSwan's {@code status_t} for tasks.
 *
 * @param status how the task stands
 * @param send a message to send: a request that awaits an answer (and is retransmitted) when
 *     {@code awaitsAnswer}; otherwise a final message, sent once and replayed when the gateway
 *     retransmits the message it answers
 * @param awaitsAnswer whether {@code send} is retransmitted until the gateway answers it
 * @param error why the SA must end, for {@link Status#FAILED}
 */
public record TaskResult(Status status, Optional<IkeMessage> send, boolean awaitsAnswer,
        Optional<ConnectException> error) {

    /** How a task stands after a message. */
    public enum Status {
        /** The task is finished and removed. */
        SUCCESS,
        /** The task stays: it waits for the gateway's next message or for the user. */
        NEED_MORE,
        /** The SA must end with {@link TaskResult#error}. */
        FAILED
    }

    /** Whether the task is finished. */
    public boolean done() {
        return status == Status.SUCCESS;
    }

    /** A request of ours (or a responder's answer that awaits a final message), retransmitted until answered. */
    public static TaskResult needMore(IkeMessage request) {
        return new TaskResult(Status.NEED_MORE, Optional.of(request), true, Optional.empty());
    }

    /** A responder task answers the gateway's request later, after asking the user. */
    public static TaskResult waiting() {
        return new TaskResult(Status.NEED_MORE, Optional.empty(), false, Optional.empty());
    }

    /** A responder task answered one request of the gateway's and expects more (another XAuth round). */
    public static TaskResult answered(IkeMessage reply) {
        return new TaskResult(Status.NEED_MORE, Optional.of(reply), false, Optional.empty());
    }

    public static TaskResult finished() {
        return new TaskResult(Status.SUCCESS, Optional.empty(), false, Optional.empty());
    }

    public static TaskResult finished(IkeMessage last) {
        return new TaskResult(Status.SUCCESS, Optional.of(last), false, Optional.empty());
    }

    /** The task failed after sending {@code last} (an acknowledgement the gateway expects). */
    public static TaskResult failed(IkeMessage last, ConnectException error) {
        return new TaskResult(Status.FAILED, Optional.of(last), false, Optional.of(error));
    }
}
