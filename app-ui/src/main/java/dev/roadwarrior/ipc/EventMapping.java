package dev.roadwarrior.ipc;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.ipc.ControlMessage.BannerEvent;
import dev.roadwarrior.ipc.ControlMessage.DisconnectedEvent;
import dev.roadwarrior.ipc.ControlMessage.Event;
import dev.roadwarrior.ipc.ControlMessage.FailedEvent;
import dev.roadwarrior.ipc.ControlMessage.ProgressEvent;
import dev.roadwarrior.ipc.ControlMessage.PromptEvent;
import dev.roadwarrior.ipc.ControlMessage.SavePasswordEvent;
import dev.roadwarrior.ipc.ControlMessage.StateEvent;
import dev.roadwarrior.ipc.ControlMessage.StatisticsEvent;
import dev.roadwarrior.ipc.ControlMessage.TunnelStatistics;
import dev.roadwarrior.ipc.ControlMessage.TunnelUpEvent;
import dev.roadwarrior.ipc.ControlMessage.WarningEvent;
import java.time.Duration;
import java.util.Optional;

/** Turns the engine's events and counters into control messages and back. */
public final class EventMapping {

    private EventMapping() {
    }

    /** The message for an engine event of connection {@code connection}. */
    public static Event toMessage(String connection, EngineEvent event) {
        if (event instanceof EngineEvent.StateChanged s) {
            return new StateEvent(connection, s.state());
        } else if (event instanceof EngineEvent.Progress p) {
            return new ProgressEvent(connection, p.step(), p.detail());
        } else if (event instanceof EngineEvent.Banner b) {
            return new BannerEvent(connection, b.text());
        } else if (event instanceof EngineEvent.CredentialsRequired c) {
            return new PromptEvent(connection, c.promptId(), c.fields(), c.message(), c.challenge(), c.repeated());
        } else if (event instanceof EngineEvent.SavePassword s) {
            return new SavePasswordEvent(connection, s.allowed());
        } else if (event instanceof EngineEvent.Warning w) {
            return new WarningEvent(connection, w.reason(), w.detail());
        } else if (event instanceof EngineEvent.TunnelUp up) {
            return new TunnelUpEvent(connection, up.config(), up.algorithms());
        } else if (event instanceof EngineEvent.Statistics s) {
            return new StatisticsEvent(connection, toMessage(s.statistics()));
        } else if (event instanceof EngineEvent.Failed f) {
            return new FailedEvent(connection, f.error().reason(), f.error().detail());
        } else if (event instanceof EngineEvent.Disconnected) {
            return new DisconnectedEvent(connection);
        }
        throw new IllegalArgumentException("no message for " + event.getClass().getSimpleName());
    }

    /** The engine event a message stands for. */
    public static Optional<EngineEvent> toEngineEvent(Event message) {
        if (message instanceof StateEvent s) {
            return Optional.of(new EngineEvent.StateChanged(s.state()));
        } else if (message instanceof ProgressEvent p) {
            return Optional.of(new EngineEvent.Progress(p.step(), p.detail()));
        } else if (message instanceof BannerEvent b) {
            return Optional.of(new EngineEvent.Banner(b.text()));
        } else if (message instanceof PromptEvent p) {
            return Optional.of(new EngineEvent.CredentialsRequired(p.prompt(), p.fields(), p.message(), p.challenge(),
                    p.repeated()));
        } else if (message instanceof SavePasswordEvent s) {
            return Optional.of(new EngineEvent.SavePassword(s.allowed()));
        } else if (message instanceof WarningEvent w) {
            return Optional.of(new EngineEvent.Warning(w.reason(), w.detail()));
        } else if (message instanceof TunnelUpEvent up) {
            return Optional.of(new EngineEvent.TunnelUp(up.config(), up.algorithms()));
        } else if (message instanceof StatisticsEvent s) {
            return Optional.of(new EngineEvent.Statistics(toStatistics(s.statistics())));
        } else if (message instanceof FailedEvent f) {
            return Optional.of(new EngineEvent.Failed(new ConnectException(f.reason(), f.detail())));
        } else if (message instanceof DisconnectedEvent) {
            return Optional.of(new EngineEvent.Disconnected());
        }
        return Optional.empty();
    }

    /** The wire form of the engine's counters. */
    public static TunnelStatistics toMessage(ConnectionStatistics s) {
        return new TunnelStatistics(s.virtualAddress(), s.algorithms(), s.uptime().toSeconds(), s.bytesIn(),
                s.packetsIn(), s.bytesOut(), s.packetsOut(), s.packetsDropped(), s.natTraversal(),
                s.deadPeerDetection(), s.nextRekey().map(Duration::toSeconds));
    }

    /** The engine's counters from their wire form. */
    public static ConnectionStatistics toStatistics(TunnelStatistics s) {
        return new ConnectionStatistics(s.bytesIn(), s.packetsIn(), s.bytesOut(), s.packetsOut(), s.packetsDropped(),
                Duration.ofSeconds(s.uptimeSeconds()), s.algorithms(), s.virtualAddress(), s.natTraversal(),
                s.deadPeerDetection(), s.nextRekeySeconds().map(Duration::ofSeconds));
    }
}
