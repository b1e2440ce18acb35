package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.CredentialKind;
import java.util.List;
import java.util.Map;

/**
 * The sans-IO IKEv1 client for one connection: datagrams and clock ticks go in, datagrams, SA
 * installs and events come out ({@link #drainOutputs()}). It opens no socket, starts no thread
 * and reads no clock: the runtime passes the time in milliseconds of a monotonic clock.
 *
 * <p>Contract for the runtime:
 * <ol>
 *   <li>Call {@link #start} once; then, in any order, {@link #receive} for every IKE datagram from
 *       the gateway (non-ESP marker stripped), {@link #tick} whenever {@link #nextDeadline()} has
 *       passed, {@link #answer} when the user answered a prompt, {@link #disconnect} when the user
 *       asks.</li>
 *   <li>After every call, {@link #drainOutputs()} and carry out each output in order.</li>
 *   <li>Stop when {@link #isFinished()}: the last outputs hold a {@code Disconnected} or
 *       {@code Failed} event.</li>
 * </ol>
 * Malformed or unexpected datagrams never throw: they are dropped or answered with a notify.
 *
 * <p>Threading: not thread-safe; confine to one thread.
 */
public interface IkeSession {

    /** Starts phase 1. */
    void start(long nowMillis);

    /**
     * Handles an IKE datagram from the gateway.
     *
     * @param datagram the ISAKMP message (without non-ESP marker)
     * @param viaNatt whether it arrived on the NAT-T socket
     */
    void receive(byte[] datagram, boolean viaNatt, long nowMillis);

    /** Runs due timers: retransmissions, DPD, rekeying, give-up. */
    void tick(long nowMillis);

    /** When {@link #tick} should next be called, or {@link Long#MAX_VALUE} when nothing is due. */
    long nextDeadline();

    /**
     * Takes the user's answer to a {@code CredentialsRequired} prompt (see
     * {@link dev.roadwarrior.engine.api.VpnEngine#answer}); wipes the arrays whether or not the
     * answer is used. Answers to unknown or expired prompts are ignored.
     */
    void answer(String promptId, Map<CredentialKind, char[]> values, long nowMillis);

    /** Starts an orderly disconnect: delete phase 2 and phase 1 SAs at the gateway, then finish. */
    void disconnect(long nowMillis);

    /** Whether the session has ended (disconnected or failed). */
    boolean isFinished();

    /** Whether IKE has moved to the NAT-T port (ESP then also goes in UDP to that port). */
    boolean nattActive();

    /** The outputs produced since the last call, in order. */
    List<IkeOutput> drainOutputs();
}
