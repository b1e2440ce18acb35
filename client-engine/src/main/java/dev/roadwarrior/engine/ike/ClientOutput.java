package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What one {@link IkeClient} hands the runtime, in order: its sessions' datagrams, sockets and SA
 * pairs ({@link #sink}), and the events it tells the listeners: the connection's state (only the
 * client announces it, through this), the tunnel coming up, reconnects, the end.
 *
 * <p>Threading: confined to the engine thread.
 */
final class ClientOutput {

    private final List<IkeOutput> outputs = new ArrayList<>();

    /** Where sessions put what they send, install and report. */
    Consumer<IkeOutput> sink() {
        return outputs::add;
    }

    void add(IkeOutput output) {
        outputs.add(Objects.requireNonNull(output));
    }

    /** Everything since the last call, in order. */
    List<IkeOutput> drain() {
        List<IkeOutput> out = List.copyOf(outputs);
        outputs.clear();
        return out;
    }

    void announce(ConnectionState state) {
        emit(new EngineEvent.StateChanged(state));
    }

    void emit(EngineEvent event) {
        add(new IkeOutput.Emit(Objects.requireNonNull(event)));
    }

    /**
     * The tunnel is up with {@code config}: a connect or reconnect announces CONNECTED; a phase 1
     * rekey reports itself, and the tunnel again only when its configuration changed from {@code before}.
     */
    void tunnelUp(TunnelConfig config, TunnelConfig before, String algorithms, boolean phase1Rekey) {
        if (!phase1Rekey) {
            emit(new EngineEvent.TunnelUp(config, algorithms));
            announce(ConnectionState.CONNECTED);
            return;
        }
        emit(new EngineEvent.Progress(ProgressStep.PHASE1_REKEYED, algorithms));
        if (!config.equals(before)) {
            emit(new EngineEvent.TunnelUp(config, algorithms));
        }
    }

    /** The next attempt is in {@code delayMillis}, because of {@code why}. */
    void reconnecting(String why, long delayMillis) {
        emit(new EngineEvent.Progress(ProgressStep.RECONNECTING, why + (delayMillis == 0 ? ""
                : String.format(Locale.ROOT, "; next attempt in %.1f s", delayMillis / 1000.0))));
        announce(ConnectionState.CONNECTING);
    }
}
