package dev.roadwarrior.engine.ike.task;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;

/**
 * One IKEv1 exchange (or one concern spread over a gateway's exchanges), as in strongSwan's
 * task model. The role is fixed by the class: initiator tasks build the first message, responder
 * tasks only process. The {@link dev.roadwarrior.engine.ike.TaskManager} sends what a task returns,
 * retransmits requests and routes replies back by message ID.
 *
 * <p>Failures: an {@link IkeProtocolException} means the message is bad and is dropped (the
 * exchange goes on, a retransmission may still come right); a {@link ConnectException} ends the
 * connection with its reason.
 *
 * <p>Threading: confined to the engine thread.
 */
public interface Task {

    /** The first message of the exchange; only for initiator tasks. */
    IkeMessage build() throws ConnectException;

    /** Handles a message of this task's exchange; the result may carry a message to send. */
    TaskResult process(IkeMessage message) throws IkeProtocolException, ConnectException;
}
