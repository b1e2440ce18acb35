package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.api.CredentialKind;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Owns what other threads hand to a connection's engine thread: a disconnect request, the user's
 * answers to prompts, a failure of the TUN device and EMSGSIZE on a socket. Each is recorded and
 * the engine thread's poll is woken; the loop takes them on its next turn.
 *
 * <p>Threading: the setters run on any thread, the takers on the engine thread.
 */
final class LoopInbox {

    /** The user's answer to a prompt, on its way to the engine thread. */
    record Answer(String promptId, Map<CredentialKind, char[]> values) {
    }

    private final Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile boolean disconnectRequested;
    private volatile String tunFailure;
    private volatile boolean messageTooLong;
    private volatile GatewaySockets sockets;

    /** The sockets whose poll the setters wake (none before they are open). */
    void wakeVia(GatewaySockets s) {
        sockets = s;
    }

    /** Asks the engine thread to disconnect. */
    void requestDisconnect() {
        disconnectRequested = true;
        wake();
    }

    boolean disconnectRequested() {
        return disconnectRequested;
    }

    /** Hands the user's answer to a prompt to the engine thread. */
    void answer(String promptId, Map<CredentialKind, char[]> values) {
        answers.add(new Answer(promptId, values));
        wake();
    }

    /** The next answer, or null. */
    Answer nextAnswer() {
        return answers.poll();
    }

    /** The TUN reader failed. */
    void tunFailed(IOException e) {
        tunFailure = e.toString();
        wake();
    }

    /** Why the TUN device failed, or null. */
    String tunFailure() {
        return tunFailure;
    }

    /** EMSGSIZE on a socket: the engine thread is to learn the new path MTU. */
    void messageTooLong() {
        messageTooLong = true;
        wake();
    }

    /** Whether EMSGSIZE was reported since the last call. */
    boolean takeMessageTooLong() {
        if (!messageTooLong) {
            return false;
        }
        messageTooLong = false;
        return true;
    }

    /** Wipes the answers never taken (the connection ended). */
    void wipeAnswers() {
        for (Answer a = answers.poll(); a != null; a = answers.poll()) {
            a.values().values().forEach(v -> Arrays.fill(v, '\0'));
        }
    }

    private void wake() {
        GatewaySockets s = sockets;
        if (s != null) {
            s.wakeup();
        }
    }
}
