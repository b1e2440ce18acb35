package dev.roadwarrior.daemon;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectionObserver;
import dev.roadwarrior.engine.api.ConnectionObservers;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.EngineListener;
import dev.roadwarrior.engine.api.VpnEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link VpnEngine} whose events the test sends; it records what the daemon (or a view model)
 * asks of it. Observers of {@link #attach} hear the events as with a real engine.
 */
public final class FakeEngine implements VpnEngine {

    public final List<ConnectRequest> requests = new CopyOnWriteArrayList<>();
    public final List<Map<CredentialKind, char[]>> answers = new CopyOnWriteArrayList<>();
    public final AtomicInteger disconnects = new AtomicInteger();
    public volatile Optional<ConnectionStatistics> statistics = Optional.empty();
    private final ConnectionObservers observers = new ConnectionObservers();
    private volatile EngineListener listener;
    private volatile CompletableFuture<Void> terminated = CompletableFuture.completedFuture(null);

    @Override
    public synchronized void connect(ConnectRequest request, EngineListener l) {
        if (!terminated.isDone()) {
            throw new IllegalStateException("a connection is already running");
        }
        requests.add(request);
        listener = observers.wrap(request.name(), l);
        terminated = new CompletableFuture<>();
    }

    /** Delivers an event as the engine thread would; a terminal event ends the connection. */
    public void emit(EngineEvent event) {
        listener.onEvent(event);
        if (event instanceof EngineEvent.Failed || event instanceof EngineEvent.Disconnected) {
            statistics = Optional.empty();
            terminated.complete(null);
        }
    }

    @Override
    public void disconnect() {
        disconnects.incrementAndGet();
    }

    @Override
    public void answer(String promptId, Map<CredentialKind, char[]> values) {
        answers.add(values);
    }

    /** Delivers an event of a connection started elsewhere (another client) to the observers only. */
    public void emitElsewhere(String connection, EngineEvent event) {
        observers.publish(connection, event);
    }

    @Override
    public Attachment attach(ConnectionObserver observer) {
        return observers.attach(observer);
    }

    @Override
    public ConnectionState state() {
        return terminated.isDone() ? ConnectionState.DISCONNECTED : ConnectionState.CONNECTING;
    }

    @Override
    public Optional<ConnectionStatistics> statistics() {
        return statistics;
    }

    @Override
    public CompletableFuture<Void> terminated() {
        return terminated.copy();
    }
}
