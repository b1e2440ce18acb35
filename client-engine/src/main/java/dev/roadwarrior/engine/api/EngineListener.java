package dev.roadwarrior.engine.api;

/**
 * Receives the events of one connection.
 *
 * <p>Threading: called on the engine's thread, one event at a time and in order. It must return
 * quickly and must not block (hand the event to another thread, e.g. the UI thread, if it needs
 * time). An exception thrown by the listener is logged and otherwise ignored.
 */
@FunctionalInterface
public interface EngineListener {

    /** Handles one event. */
    void onEvent(EngineEvent event);
}
