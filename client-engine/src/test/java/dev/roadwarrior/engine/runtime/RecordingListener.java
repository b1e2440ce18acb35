package dev.roadwarrior.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.EngineListener;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records every event and the thread it arrived on; lets a test wait for an event type. */
final class RecordingListener implements EngineListener {

    final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    private final BlockingQueue<EngineEvent> pending = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(EngineEvent event) {
        events.add(event);
        threads.add(Thread.currentThread().getName());
        pending.add(event);
    }

    /** Waits for the next event of this type, skipping others. */
    <T extends EngineEvent> T await(Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            EngineEvent e = pending.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            assertNotNull(e, "no " + type.getSimpleName() + " event; got " + events);
            if (type.isInstance(e)) {
                return type.cast(e);
            }
        }
    }

    /** Waits until this state is announced, skipping other events. */
    void awaitState(ConnectionState state) throws InterruptedException {
        while (await(EngineEvent.StateChanged.class).state() != state) {
            // skip
        }
    }

    /** The states announced, in order. */
    List<ConnectionState> states() {
        return events.stream().filter(EngineEvent.StateChanged.class::isInstance)
                .map(e -> ((EngineEvent.StateChanged) e).state()).toList();
    }

    EngineEvent last() {
        return events.get(events.size() - 1);
    }
}
