package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.CredentialKind;
import java.net.InetSocketAddress;
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
 *       asks; {@link #traffic} about once a second while SAs are installed, and
 *       {@link #networkChanged} when the host's path to the gateway changed or the machine resumed.</li>
 *   <li>After every call, {@link #drainOutputs()} and carry out each output in order; after an
 *       {@link IkeOutput.OpenSockets}, answer with {@link #socketsOpened} or {@link #socketsFailed}.</li>
 *   <li>Stop when {@link #isFinished()}: the last outputs hold a {@code Disconnected} or
 *       {@code Failed} event.</li>
 * </ol>
 * Malformed or unexpected datagrams never throw: they are dropped or answered with a notify.
 *
 * <p>A session keeps its connection up on its own: it renews SAs before their lifetimes end and,
 * once the tunnel has been up, answers a broken connection (dead gateway, deleted SAs, a new
 * network) by installing no outbound SA (the host keeps its tunnel configuration, so nothing leaks)
 * and connecting again until it works or the user disconnects. It fails only for reasons that
 * retrying cannot fix (wrong password, untrusted certificate, no proposal chosen).
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

    /**
     * Reports what the data plane saw: for dead peer detection (traffic out, nothing back) and
     * kilobyte lifetimes.
     */
    void traffic(EspActivity activity, long nowMillis);

    /**
     * The host's path to the gateway changed.
     *
     * @param localAddressChanged true when the local address towards the gateway is another one
     *     (the session connects again from new sockets); false when the path may have changed
     *     without that (the machine resumed from sleep: the session checks the gateway at once)
     */
    void networkChanged(boolean localAddressChanged, long nowMillis);

    /**
     * The path towards the gateway carries at most {@code bytes} per IP datagram (learned from the
     * kernel after EMSGSIZE): IKE fragments are made to fit it from now on.
     */
    default void pathMtu(int bytes) {
    }

    /** New sockets are open (after {@link IkeOutput.OpenSockets}), with their local addresses. */
    void socketsOpened(InetSocketAddress localIke, InetSocketAddress localNatt, long nowMillis);

    /** New sockets could not be opened (no network): the session tries again later. */
    void socketsFailed(String detail, long nowMillis);

    /** Starts an orderly disconnect: delete phase 2 and phase 1 SAs at the gateway, then finish. */
    void disconnect(long nowMillis);

    /** Whether the session has ended (disconnected or failed). */
    boolean isFinished();

    /** Whether IKE has moved to the NAT-T port (ESP then also goes in UDP to that port). */
    boolean nattActive();

    /** Whether dead peer detection was negotiated and runs on the current IKE SA. */
    default boolean deadPeerDetectionActive() {
        return false;
    }

    /**
     * When the next renewal (phase 1 or phase 2 rekey) is scheduled, on the session's clock;
     * {@code Long.MAX_VALUE} when none is.
     */
    default long nextRekeyAt() {
        return Long.MAX_VALUE;
    }

    /** The outputs produced since the last call, in order. */
    List<IkeOutput> drainOutputs();
}
