package dev.roadwarrior.daemon;

import dev.roadwarrior.engine.api.ConnectRequest;
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

/** A {@link VpnEngine} whose events the test sends; it records what the daemon asks of it. */
final class FakeEngine implements VpnEngine {

    final List<ConnectRequest> requests = new CopyOnWriteArrayList<>();
    final List<Map<CredentialKind, char[]>> answers = new CopyOnWriteArrayList<>();
    final AtomicInteger disconnects = new AtomicInteger();
    volatile Optional<ConnectionStatistics> statistics = Optional.empty();
    private volatile EngineListener listener;
    private volatile CompletableFuture<Void> terminated = CompletableFuture.completedFuture(null);

    @Override
    public synchronized void connect(ConnectRequest request, EngineListener l) {
        if (!terminated.isDone()) {
            throw new IllegalStateException("a connection is already running");
        }
        requests.add(request);
        listener = l;
        terminated = new CompletableFuture<>();
    }

    /** Delivers an event as the engine thread would; a terminal event ends the connection. */
    void emit(EngineEvent event) {
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
