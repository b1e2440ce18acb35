package dev.roadwarrior.engine.api;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs VPN connections: one at a time, in this process ({@code LocalVpnEngine}) or in the
 * privileged daemon (a remote engine speaking to it over the control socket). User interfaces
 * see only this interface.
 *
 * <p>Life of a connection:
 * <ol>
 *   <li>{@link #connect} returns at once; the work runs on the engine's thread.</li>
 *   <li>The listener receives {@code StateChanged(CONNECTING)}, {@code Progress(RESOLVING)}, then
 *       the progress of the negotiation, {@code TunnelUp} once the host is configured and
 *       traffic can flow, and {@code StateChanged(CONNECTED)}.</li>
 *   <li>While connected, SA renewals are reported as {@code Progress(PHASE2_REKEYED)} and
 *       {@code Progress(PHASE1_REKEYED)}. When the connection breaks (dead gateway, SAs deleted by
 *       the gateway, a new network), the engine reports {@code Progress(RECONNECTING)} and
 *       {@code StateChanged(CONNECTING)}, keeps the host configured (traffic into the tunnel is
 *       held back, never sent in the clear) and connects again, with growing waits, until it
 *       works (again {@code TunnelUp} and {@code StateChanged(CONNECTED)}; the host is configured
 *       anew only if the settings changed) or the user disconnects. It fails only for reasons
 *       retrying cannot fix.</li>
 *   <li>Every connection ends with exactly one terminal event, {@link EngineEvent.Failed} or
 *       {@link EngineEvent.Disconnected}, which is the last event. It is delivered after the host
 *       has been restored (routes, DNS, TUN device) and the sockets are closed, right after
 *       {@code StateChanged(DISCONNECTED)}; {@link #terminated()} completes after it.</li>
 * </ol>
 * The state never goes back up once the teardown has begun: after {@code DISCONNECTING} only
 * {@code DISCONNECTED} follows. {@code StateChanged} is sent only when the state really changes.
 *
 * <p>While the tunnel is up, listeners receive {@code Statistics} about once a second.
 *
 * <p>Threading: all methods may be called from any thread. Events are delivered in order on the
 * engine's thread (see {@link EngineListener}); a listener must not block and must not call
 * {@link #connect} from inside an event (it may call {@link #disconnect}).
 */
public interface VpnEngine {

    /**
     * Starts a connection; asynchronous. The engine wipes the request's secrets
     * ({@link ConnectRequest.Credentials#destroy()}) when the connection ends.
     *
     * @param request what to connect to and how
     * @param listener receives the connection's events
     * @throws IllegalStateException when a connection is still running (its {@link #terminated()}
     *     has not completed)
     */
    void connect(ConnectRequest request, EngineListener listener);

    /**
     * Starts an orderly disconnect: deletes the SAs at the gateway, waits briefly for the
     * negotiation to finish, restores the host and closes everything. Cancels a connection that is
     * still being set up. Returns at once; idempotent; a no-op when no connection is running.
     */
    void disconnect();

    /**
     * Answers an {@link EngineEvent.CredentialsRequired} prompt of the running connection; returns
     * at once, the answer is handled on the engine's thread. The engine takes the arrays and wipes
     * them after use (also when the answer is not used). An answer that lacks a field the prompt
     * asked for ends the connection with {@link FailureReason#CREDENTIALS_MISSING} (or
     * {@link FailureReason#WRONG_USER_PASSWORD} when the prompt repeated a refused password); so a
     * user interface that cannot ask answers with an empty map. An answer to an unknown or
     * expired prompt, or with no connection running, is ignored.
     *
     * @param promptId the prompt's {@link EngineEvent.CredentialsRequired#promptId()}
     * @param values the user's input per field
     */
    void answer(String promptId, Map<CredentialKind, char[]> values);

    /**
     * Watches the running connection, whoever started it (this process, another client of the
     * service, {@code roadwarrior connect}), and every later one, until the returned handle is
     * closed. Returns at once.
     *
     * <p>When a connection runs, the observer first hears its present, as if it had been there:
     * {@code TunnelUp} with the tunnel's settings (only while {@code CONNECTED}), then
     * {@code StateChanged} with the current state, then the latest {@code Statistics} (while
     * {@code CONNECTED}). Then the events as they happen, without prompts and the save-password
     * permission, which go only to the listener of {@link #connect}. The observer may call
     * {@link #disconnect()} to end a connection it did not start.
     *
     * @return closing it stops the events; idempotent
     */
    Attachment attach(ConnectionObserver observer);

    /** The handle of an {@link #attach}. */
    @FunctionalInterface
    interface Attachment extends AutoCloseable {
        /** Stops the events to the observer; idempotent. */
        @Override
        void close();
    }

    /** The current state; {@link ConnectionState#DISCONNECTED} when no connection is running. */
    ConnectionState state();

    /** The counters of the tunnel, present from {@code TunnelUp} until the connection ends. */
    Optional<ConnectionStatistics> statistics();

    /**
     * Completes (normally, never exceptionally) when the connection started by the last
     * {@link #connect} has ended and its terminal event was delivered; already complete when no
     * connection was ever started.
     */
    CompletableFuture<Void> terminated();
}
