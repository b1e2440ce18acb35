package dev.roadwarrior.engine.ike.task;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;

/**
 * One IKEv1 exchange (or one concern spread over a gateway's exchanges), as in strongSwan's
 * task model. The role is fixed by the class: initiator tasks build the first message, responder
 * tasks only process. The {@link dev.roadwarrior.engine.ike.TaskManager} starts a queued task when
 * the SA's state allows its {@link #type}, sends what a task returns, retransmits requests and
 * routes replies back by message ID; the task reports how it stands in its {@link TaskResult}.
 *
 * <p>Failures: an {@link IkeProtocolException} means the message is bad and is dropped (the
 * exchange goes on, a retransmission may still come right; the manager may answer it with the
 * notify it names); a {@link ConnectException} ends the connection with its reason, as a
 * {@link TaskResult.Status#FAILED} result does.
 *
 * <p>Threading: confined to the engine thread.
 */
public interface Task {

    /** What kind of exchange this is. */
    TaskType type();

    /** The first message of the exchange; only for initiator tasks. */
    IkeMessage build() throws ConnectException;

    /** Handles a message of this task's exchange; the result may carry a message to send. */
    TaskResult process(IkeMessage message) throws IkeProtocolException, ConnectException;
}
