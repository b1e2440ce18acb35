package dev.roadwarrior.engine.ike.task;

import dev.roadwarrior.engine.ike.codec.IkeMessage;
import java.util.Optional;

/**
 * What processing a message led to.
 *
 * @param done true when the task is finished; false when it waits for another message
 * @param send a message to send: while not done it is a request that awaits an answer (and is
 *     retransmitted); when done it is a final message, sent once and replayed when the gateway
 *     retransmits the message it answers
 */
public record TaskResult(boolean done, Optional<IkeMessage> send) {

    public static TaskResult needMore(IkeMessage request) {
        return new TaskResult(false, Optional.of(request));
    }

    public static TaskResult waiting() {
        return new TaskResult(false, Optional.empty());
    }

    public static TaskResult finished() {
        return new TaskResult(true, Optional.empty());
    }

    public static TaskResult finished(IkeMessage last) {
        return new TaskResult(true, Optional.of(last));
    }
}
