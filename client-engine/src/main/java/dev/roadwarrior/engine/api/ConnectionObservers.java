package dev.roadwarrior.engine.api;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The observers of an engine's {@link VpnEngine#attach}, and what a newcomer must hear of the
 * running connection: its state, its last {@code TunnelUp} and its last {@code Statistics}. The
 * engines use it to keep the promise of {@code attach} the same way.
 *
 * <p>Threading: {@link #publish} runs on the thread that delivers events, {@link #attach} on any;
 * one lock orders them, so a newcomer hears the present and then every later event exactly once.
 */
public final class ConnectionObservers {

    private static final System.Logger LOG = System.getLogger(ConnectionObservers.class.getName());

    private final List<ConnectionObserver> observers = new ArrayList<>();
    private String connection;
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private EngineEvent.TunnelUp up;
    private EngineEvent.Statistics statistics;

    /** The listener to give the connection {@code name}: it tells {@code listener}, then the observers. */
    public EngineListener wrap(String name, EngineListener listener) {
        return event -> {
            try {
                listener.onEvent(event);
            } finally {
                publish(name, event);
            }
        };
    }

    /** Records {@code event} of connection {@code name} and tells every observer (prompts excepted). */
    public synchronized void publish(String name, EngineEvent event) {
        connection = name;
        if (event instanceof EngineEvent.StateChanged s) {
            state = s.state();
        } else if (event instanceof EngineEvent.TunnelUp u) {
            up = u;
        } else if (event instanceof EngineEvent.Statistics s) {
            statistics = s;
        } else if (event instanceof EngineEvent.Failed || event instanceof EngineEvent.Disconnected) {
            state = ConnectionState.DISCONNECTED;
            up = null;
            statistics = null;
        }
        if (event instanceof EngineEvent.CredentialsRequired || event instanceof EngineEvent.SavePassword) {
            return;
        }
        for (ConnectionObserver o : List.copyOf(observers)) {
            tell(o, name, event);
        }
    }

    /** Ends the running connection for the observers with {@code failure} (the engine was lost); none running: nothing. */
    public synchronized void endRunning(EngineEvent.Failed failure) {
        if (state != ConnectionState.DISCONNECTED) {
            publish(connection, failure);
        }
    }

    /** Adds {@code observer} after telling it the present of the running connection, if any. */
    public synchronized VpnEngine.Attachment attach(ConnectionObserver observer) {
        if (state != ConnectionState.DISCONNECTED) {
            boolean connected = state == ConnectionState.CONNECTED;
            if (connected && up != null) {
                tell(observer, connection, up);
            }
            tell(observer, connection, new EngineEvent.StateChanged(state));
            if (connected && statistics != null) {
                tell(observer, connection, statistics);
            }
        }
        observers.add(observer);
        return () -> remove(observer);
    }

    private synchronized void remove(ConnectionObserver observer) {
        observers.remove(observer);
    }

    private static void tell(ConnectionObserver observer, String name, EngineEvent event) {
        try {
            observer.onEvent(name, event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a connection observer failed", e);
        }
    }
}
