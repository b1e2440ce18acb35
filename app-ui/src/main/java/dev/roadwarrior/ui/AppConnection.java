package dev.roadwarrior.ui;

import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.ipc.ServicePaths;
import dev.roadwarrior.ui.common.DialogService;
import dev.roadwarrior.ui.common.UiText;
import dev.roadwarrior.ui.connection.ConnectionViewModel;
import dev.roadwarrior.ui.connection.StatusDetails;
import dev.roadwarrior.ui.connection.StatusFormat;
import dev.roadwarrior.ui.main.ProfileConnections;
import dev.roadwarrior.ui.main.ProfileRow;
import dev.roadwarrior.ui.notify.Notice;
import dev.roadwarrior.ui.notify.Notifier;
import dev.roadwarrior.ui.settings.SettingsViewModel;
import dev.roadwarrior.ui.tray.TrayActions;
import dev.roadwarrior.ui.tray.TrayBackend;
import dev.roadwarrior.ui.tray.TrayState;
import dev.roadwarrior.ui.tray.TrayStatus;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;

/**
 * Joins the live connection ({@link ConnectionViewModel}) to the rest of the app: the main
 * window's rows (state, "connected for", failures), the tray (icon, tooltip, menu), desktop
 * notifications (when the settings allow them) and asking whether to disconnect on Quit.
 *
 * <p>Threading: FX thread, except the tray's callbacks, which hop to it.
 */
final class AppConnection implements ProfileConnections {

    private final ConnectionViewModel vm;
    private final TrayBackend tray;
    private final Notifier notifier;
    private final SettingsViewModel settings;
    private final List<ProfileRow> rows = new ArrayList<>();
    private final Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> refreshRows()));
    private List<String> profiles = List.of();
    private ConnectionState lastState = ConnectionState.DISCONNECTED;
    private String lastProfile = "";

    AppConnection(ConnectionViewModel vm, TrayBackend tray, Notifier notifier, SettingsViewModel settings) {
        this.vm = vm;
        this.tray = tray;
        this.notifier = notifier;
        this.settings = settings;
        ChangeListener<Object> changed = (o, a, b) -> changed();
        vm.stateProperty().addListener(changed);
        vm.activeProfileProperty().addListener(changed);
        vm.statusProperty().addListener(changed);
        vm.failureProperty().addListener(changed);
        vm.states().addListener((javafx.collections.MapChangeListener<String, ConnectionState>) c -> refreshRows());
        vm.failures().addListener((javafx.collections.MapChangeListener<String, String>) c -> refreshRows());
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /** What the tray's menu and icon clicks do. */
    static TrayActions trayActions(RoadwarriorApp app) {
        return new TrayActions() {
            @Override
            public void connect(String profile) {
                Platform.runLater(() -> app.connect(profile));
            }

            @Override
            public void disconnect() {
                Platform.runLater(app::disconnect);
            }

            @Override
            public void showWindow() {
                Platform.runLater(app::showWindow);
            }

            @Override
            public void quit() {
                Platform.runLater(app::quit);
            }
        };
    }

    @Override
    public void track(ProfileRow row) {
        rows.removeIf(r -> r.name().equals(row.name()));
        rows.add(row);
        show(row);
    }

    /** The profile names changed: the tray menu follows; rows no longer listed are dropped. */
    void profilesChanged(List<String> names) {
        profiles = List.copyOf(names);
        rows.removeIf(r -> !names.contains(r.name()));
        tray.show(trayState());
    }

    @Override
    public void connect(String profile) {
        vm.connect(profile);
    }

    @Override
    public void disconnect(String profile) {
        if (profile.equals(vm.activeProfileProperty().get())) {
            vm.disconnect();
        }
    }

    /** Disconnects whatever runs. */
    void disconnect() {
        vm.disconnect();
    }

    /**
     * Quits through {@code exit} (run once); while a connection is up, asks first whether to disconnect it
     * (a connection run by the service may stay up; one in this process cannot).
     */
    void quit(DialogService dialogs, Runnable exit) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable then = () -> {
            if (done.compareAndSet(false, true)) {
                exit.run();
            }
        };
        if (vm.stateProperty().get() == ConnectionState.DISCONNECTED) {
            then.run();
            return;
        }
        boolean inService = Files.exists(ServicePaths.fromEnvironment().socket());
        List<String> choices = inService ? List.of(UiText.get("quit.disconnect"), UiText.get("quit.keep"))
                : List.of(UiText.get("quit.disconnect"));
        String text = UiText.get("quit.text", vm.activeProfileProperty().get())
                + (inService ? "" : "\n" + UiText.get("quit.keepInProcess"));
        Optional<Integer> choice = dialogs.choose(UiText.get("quit.title"), text, choices);
        if (choice.isEmpty()) {
            return;
        }
        if (choice.get() == 1) {
            then.run();
            return;
        }
        vm.stateProperty().addListener((o, a, b) -> {
            if (b == ConnectionState.DISCONNECTED) {
                then.run();
            }
        });
        vm.disconnect();
        Timeline giveUp = new Timeline(new KeyFrame(javafx.util.Duration.seconds(20), e -> then.run()));
        giveUp.play();
    }

    private void changed() {
        ConnectionState state = vm.stateProperty().get();
        String profile = vm.activeProfileProperty().get();
        if (settings.current().get().notifications()) {
            notice(lastState, state, profile).ifPresent(notifier::show);
        }
        lastState = state;
        lastProfile = profile == null ? "" : profile;
        tray.show(trayState());
        refreshRows();
    }

    private Optional<Notice> notice(ConnectionState before, ConnectionState now, String profile) {
        if (before == now || profile == null || profile.isEmpty()) {
            return Optional.empty();
        }
        if (now == ConnectionState.CONNECTED) {
            return Optional.of(new Notice(Notice.Kind.CONNECTED, profile, address()));
        }
        if (before == ConnectionState.CONNECTED && (now == ConnectionState.CONNECTING
                || now == ConnectionState.AUTHENTICATING)) {
            return Optional.of(new Notice(Notice.Kind.RECONNECTING, profile, ""));
        }
        if (now == ConnectionState.DISCONNECTED) {
            String failure = vm.failureProperty().get();
            return Optional.of(failure.isEmpty() ? new Notice(Notice.Kind.DISCONNECTED, profile, "")
                    : new Notice(Notice.Kind.FAILED, profile, failure));
        }
        return Optional.empty();
    }

    private String address() {
        String a = vm.statusProperty().get().virtualAddress();
        int slash = a.indexOf('/');
        return slash < 0 ? a : a.substring(0, slash);
    }

    private TrayState trayState() {
        ConnectionState s = vm.stateProperty().get();
        String profile = vm.activeProfileProperty().get();
        Optional<String> active = Optional.ofNullable(profile).filter(p -> !p.isEmpty());
        if (s == ConnectionState.CONNECTED) {
            return new TrayState(TrayStatus.CONNECTED, profiles, active, address());
        }
        if (s != ConnectionState.DISCONNECTED) {
            return new TrayState(TrayStatus.CONNECTING, profiles, active, "");
        }
        String failure = vm.failureProperty().get();
        return failure.isEmpty() ? TrayState.disconnected(profiles)
                : new TrayState(TrayStatus.ERROR, profiles, active, failure);
    }

    private void refreshRows() {
        rows.forEach(this::show);
    }

    private void show(ProfileRow row) {
        ConnectionState s = vm.stateOf(row.name());
        String failure = vm.failures().getOrDefault(row.name(), "");
        ProfileRow.State state;
        String text;
        if (s == ConnectionState.CONNECTED) {
            state = ProfileRow.State.CONNECTED;
            StatusDetails d = vm.statusProperty().get();
            text = d.profile().equals(row.name()) ? d.connectedSince()
                    .map(since -> UiText.get("row.connectedFor", StatusFormat.duration(Duration.between(since, Instant.now())),
                            address()))
                    .orElse(UiText.label(state)) : UiText.label(state);
        } else if (s == ConnectionState.DISCONNECTING) {
            state = ProfileRow.State.DISCONNECTING;
            text = UiText.label(state);
        } else if (s != ConnectionState.DISCONNECTED) {
            state = ProfileRow.State.CONNECTING;
            List<String> steps = vm.steps();
            text = steps.isEmpty() || !row.name().equals(vm.activeProfileProperty().get()) ? UiText.label(state)
                    : UiText.get("row.connecting", steps.get(steps.size() - 1));
        } else if (!failure.isEmpty()) {
            state = ProfileRow.State.ERROR;
            text = failure;
        } else {
            state = ProfileRow.State.DISCONNECTED;
            text = "";
        }
        row.state().set(state);
        row.stateText().set(text);
        row.active().set(state == ProfileRow.State.CONNECTED || state == ProfileRow.State.CONNECTING);
    }
}
