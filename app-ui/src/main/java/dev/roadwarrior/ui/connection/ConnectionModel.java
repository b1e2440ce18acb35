package dev.roadwarrior.ui.connection;

import dev.roadwarrior.connect.ErrorMessages;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.ProgressStep;
import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The state behind {@link ConnectionViewModel}: what the engine's events and the user's actions
 * make of the active connection, every profile's state and failure, the steps, the status and
 * the throughput history.
 *
 * <p>Threading: UI thread only (events come through the {@link EngineEventBridge}).
 */
final class ConnectionModel {

    /** How far back the throughput history goes. */
    static final int HISTORY_SECONDS = 300;

    private final Clock clock;
    private final DialogService dialogs;
    private final ReadOnlyStringWrapper activeProfile = new ReadOnlyStringWrapper(this, "activeProfile", "");
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(this, "state",
            ConnectionState.DISCONNECTED);
    private final ObservableMap<String, ConnectionState> states = FXCollections.observableHashMap();
    private final ObservableMap<String, String> failures = FXCollections.observableHashMap();
    private final ObservableList<String> steps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyObjectWrapper<StatusDetails> status = new ReadOnlyObjectWrapper<>(this, "status",
            StatusDetails.NONE);
    private final ObservableList<ThroughputSample> throughput = FXCollections.observableArrayList();
    // One read-only view each, kept here: a view listens to its list weakly, so a view made per call
    // would be collected together with the listeners added to it.
    private final ObservableMap<String, ConnectionState> statesView = FXCollections.unmodifiableObservableMap(states);
    private final ObservableMap<String, String> failuresView = FXCollections.unmodifiableObservableMap(failures);
    private final ObservableList<String> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObservableList<ThroughputSample> throughputView = FXCollections.unmodifiableObservableList(throughput);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(this, "connected", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private ConnectionStatistics lastStatistics;

    ConnectionModel(Clock clock, DialogService dialogs) {
        this.clock = clock;
        this.dialogs = dialogs;
    }

    /**
     * Whether a connect of {@code profile} may start: nothing is under way and no connection runs;
     * while another profile's runs, says so in its failure.
     */
    boolean mayConnect(String profile) {
        if (state.get() == ConnectionState.DISCONNECTED) {
            return true;
        }
        if (!busy.get() && !profile.equals(activeProfile.get())) {
            failures.put(profile, ErrorMessages.text("connect.busy"));
        }
        return false;
    }

    /** The user asked to connect {@code profile}. */
    void connecting(String profile) {
        activeProfile.set(profile);
        failures.remove(profile);
        failure.set("");
        notice.set("");
        steps.clear();
        throughput.clear();
        status.set(StatusDetails.NONE);
        lastStatistics = null;
        setState(profile, ConnectionState.CONNECTING);
    }

    /** The connect of {@code profile} did not start; {@code why} in words. */
    void notStarted(String profile, String why) {
        fail(profile, why);
        setState(profile, ConnectionState.DISCONNECTED);
    }

    /** The user asked to disconnect the active connection. */
    void disconnecting() {
        setState(activeProfile.get(), ConnectionState.DISCONNECTING);
    }

    /** A note for the user (a warning, "Password saved ..."). */
    void notice(String sentence) {
        notice.set(sentence);
    }

    /** One event of connection {@code name}. */
    void onEvent(String name, EngineEvent event) {
        if (!name.equals(activeProfile.get()) && !(event instanceof EngineEvent.Failed)
                && !(event instanceof EngineEvent.Disconnected)) {
            if (busy.get() && state.get() != ConnectionState.DISCONNECTING) {
                states.put(activeProfile.get(), ConnectionState.DISCONNECTED); // ours did not start; this one runs
            }
            activeProfile.set(name);
            steps.clear();
            throughput.clear();
            lastStatistics = null;
        }
        if (event instanceof EngineEvent.StateChanged s) {
            setState(name, s.state());
        } else if (event instanceof EngineEvent.Progress p) {
            if (p.step() == ProgressStep.RESOLVING) {
                steps.clear();
            }
            steps.add(ErrorMessages.progress(p.step(), ""));
        } else if (event instanceof EngineEvent.Banner b) {
            dialogs.showBanner(name, b.text());
        } else if (event instanceof EngineEvent.Warning w) {
            notice.set(ErrorMessages.warning(w.reason(), w.detail()));
        } else if (event instanceof EngineEvent.TunnelUp up) {
            Instant since = status.get().connectedSince().filter(t -> name.equals(status.get().profile()))
                    .orElse(clock.instant());
            status.set(StatusDetails.up(name, up.config(), up.algorithms(), since));
        } else if (event instanceof EngineEvent.Statistics s) {
            statistics(name, s.statistics());
        } else if (event instanceof EngineEvent.Failed f) {
            fail(name, ErrorMessages.failure(f.error()));
            ended(name);
        } else if (event instanceof EngineEvent.Disconnected) {
            ended(name);
        }
    }

    private void statistics(String name, ConnectionStatistics s) {
        Instant now = clock.instant();
        StatusDetails current = status.get();
        Instant since = lastStatistics == null || current.connectedSince().isEmpty()
                ? now.minus(s.uptime()) : current.connectedSince().get();
        if (!name.equals(current.profile())) {
            current = new StatusDetails(name, current.gateway(), "", current.dnsServers(), current.searchDomains(),
                    current.splitDnsDomains(), current.includeRoutes(), current.excludeRoutes(), s.algorithms(), false,
                    false, current.connectedSince(), current.nextRekey(), current.statistics());
        }
        status.set(current.with(s, since));
        if (lastStatistics != null) {
            double seconds = (s.uptime().toMillis() - lastStatistics.uptime().toMillis()) / 1000.0;
            if (seconds > 0) {
                Instant at = since.plus(s.uptime()); // the engine's clock: samples keep their spacing however late they arrive
                throughput.add(new ThroughputSample(at, Math.max(0, s.bytesIn() - lastStatistics.bytesIn()) / seconds,
                        Math.max(0, s.bytesOut() - lastStatistics.bytesOut()) / seconds));
                Instant oldest = at.minusSeconds(HISTORY_SECONDS);
                throughput.removeIf(t -> t.time().isBefore(oldest));
            }
        }
        lastStatistics = s;
    }

    private void fail(String name, String sentence) {
        failures.put(name, sentence);
        if (name.equals(activeProfile.get())) {
            failure.set(sentence);
        }
    }

    private void ended(String name) {
        setState(name, ConnectionState.DISCONNECTED);
        if (name.equals(activeProfile.get())) {
            status.set(StatusDetails.NONE);
            lastStatistics = null;
        }
    }

    private void setState(String name, ConnectionState next) {
        states.put(name, next);
        if (name.equals(activeProfile.get())) {
            state.set(next);
            connected.set(next == ConnectionState.CONNECTED);
            busy.set(next == ConnectionState.CONNECTING || next == ConnectionState.AUTHENTICATING
                    || next == ConnectionState.DISCONNECTING);
        }
    }

    ReadOnlyStringProperty activeProfile() {
        return activeProfile.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ConnectionState> state() {
        return state.getReadOnlyProperty();
    }

    ObservableMap<String, ConnectionState> states() {
        return statesView;
    }

    ObservableMap<String, String> failures() {
        return failuresView;
    }

    ObservableList<String> steps() {
        return stepsView;
    }

    ReadOnlyStringProperty failure() {
        return failure.getReadOnlyProperty();
    }

    ReadOnlyStringProperty notice() {
        return notice.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<StatusDetails> status() {
        return status.getReadOnlyProperty();
    }

    ObservableList<ThroughputSample> throughput() {
        return throughputView;
    }

    ReadOnlyBooleanProperty connected() {
        return connected.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }
}
