package dev.roadwarrior.ui.connection;

import dev.roadwarrior.engine.api.ConnectionObserver;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one place where what happens on other threads (engine events, the end of background work)
 * reaches the UI thread. The app uses {@link #fxThread()}; tests use {@link #direct()}, so view
 * models run without the FX thread.
 *
 * <p>Threading: any thread may call it; the work runs on the executor it was given, in order.
 */
public final class EngineEventBridge {

    private final Executor uiExecutor;

    /** @param uiExecutor runs work on the UI thread, in order */
    public EngineEventBridge(Executor uiExecutor) {
        this.uiExecutor = Objects.requireNonNull(uiExecutor, "uiExecutor");
    }

    /** Work runs on the JavaFX application thread ({@code Platform.runLater}). */
    public static EngineEventBridge fxThread() {
        return new EngineEventBridge(Platform::runLater);
    }

    /** Work runs at once on the calling thread (tests). */
    public static EngineEventBridge direct() {
        return new EngineEventBridge(Runnable::run);
    }

    /** An observer for the engine that hands each event to {@code onUiThread} on the UI thread. */
    public ConnectionObserver observer(ConnectionObserver onUiThread) {
        Objects.requireNonNull(onUiThread, "onUiThread");
        return (connection, event) -> uiExecutor.execute(() -> onUiThread.onEvent(connection, event));
    }

    /** Runs {@code work} on the UI thread. */
    public void run(Runnable work) {
        uiExecutor.execute(work);
    }
}
