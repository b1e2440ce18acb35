package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.EngineListener;
import java.lang.System.Logger.Level;

/**
 * The one place a connection's state and events reach its listener: state changes (never the
 * same twice, and only downwards once the teardown has begun), the other events, and the terminal
 * event, which is kept until the very end ({@link #finish}) whatever else happens.
 *
 * <p>Threading: called by the engine thread; {@link #state()} from any thread.
 */
final class Announcer {

    private static final System.Logger LOG = System.getLogger(Announcer.class.getName());

    private final EngineListener listener;
    private volatile ConnectionState state = ConnectionState.CONNECTING;
    private ConnectionState announced = ConnectionState.DISCONNECTED;
    private EngineEvent terminal;

    Announcer(EngineListener listener) {
        this.listener = listener;
    }

    /** The last announced state (CONNECTING before the first); any thread. */
    ConnectionState state() {
        return state;
    }

    /** Whether CONNECTED is the state announced last. */
    boolean connected() {
        return announced == ConnectionState.CONNECTED;
    }

    /** Announces a state change; while {@code ending}, only DISCONNECTING and DISCONNECTED pass. */
    void announce(ConnectionState next, boolean ending) {
        boolean up = next != ConnectionState.DISCONNECTING && next != ConnectionState.DISCONNECTED;
        if (next == announced || up && ending) {
            return;
        }
        announced = next;
        state = next;
        deliver(new EngineEvent.StateChanged(next));
    }

    /** Hands an event to the listener; a failing listener is logged, never the connection's problem. */
    void deliver(EngineEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an engine listener failed", e);
        }
    }

    /** Keeps the terminal event (Failed or Disconnected); the first one wins. */
    void setTerminal(EngineEvent event) {
        if (terminal == null) {
            terminal = event;
        } else {
            LOG.log(Level.DEBUG, "ignored a second terminal event: {0}", event);
        }
    }

    /** Whether a terminal event is kept. */
    boolean hasTerminal() {
        return terminal != null;
    }

    /** Announces DISCONNECTED, then delivers the terminal event (Disconnected when none was kept). */
    void finish() {
        if (terminal == null) {
            terminal = new EngineEvent.Disconnected();
        }
        announce(ConnectionState.DISCONNECTED, true);
        deliver(terminal);
    }
}
