package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.task.Task;

/**
 * What the {@link TaskManager} reports to the session that owns it. The manager only records
 * these while it works; the session applies them after the manager's call has returned, so no
 * decision of the session runs while the manager is half-way through a message.
 */
public sealed interface TaskEvent {

    /** A task finished ({@link dev.roadwarrior.engine.ike.task.TaskResult.Status#SUCCESS}). */
    record Completed(Task task) implements TaskEvent {
    }

    /**
     * A responder task answered a request of the gateway's and stays: an XAuth round, or a Quick
     * Mode the gateway started whose answer now waits for the final message.
     */
    record Answered(Task task) implements TaskEvent {
    }

    /**
     * A responder task will answer the gateway's request later, through {@link TaskManager#reply}
     * (after asking the user); until then the gateway's retransmissions are dropped.
     */
    record Waiting(Task task) implements TaskEvent {
    }

    /** A responder task got no final message after every retransmission of its answer. */
    record Abandoned(Task task) implements TaskEvent {
    }

    /** A message from the gateway decrypted and was processed by a task: a sign of life. */
    record Heard() implements TaskEvent {
    }

    /**
     * A protected message of an exchange was bad in a way the gateway may be told of with this
     * notify (see {@link Informational#answerError}).
     */
    record Malformed(NotifyType notifyType) implements TaskEvent {
    }

    /** The queued phase 1 rekey starts (see {@link TaskManager#queueRekey}): a new SA is to replace this one. */
    record RekeyStarted() implements TaskEvent {
    }

    /** The SA must end: an exchange gave up or a task failed. */
    record Failed(ConnectException error) implements TaskEvent {
    }
}
