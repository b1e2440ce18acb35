package dev.roadwarrior.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.connect.ConnectService;
import dev.roadwarrior.connect.Prompt;
import dev.roadwarrior.connect.PromptAnswer;
import dev.roadwarrior.connect.PromptField;
import dev.roadwarrior.daemon.EngineLocator;
import dev.roadwarrior.daemon.FakeEngine;
import dev.roadwarrior.daemon.TestProfiles;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.io.ProfileStore;
import dev.roadwarrior.profiles.secrets.FileSecretStore;
import dev.roadwarrior.ui.connection.ConnectionViewModel;
import dev.roadwarrior.ui.connection.DialogService;
import dev.roadwarrior.ui.connection.EngineEventBridge;
import dev.roadwarrior.ui.main.ProfileRow;
import dev.roadwarrior.ui.main.ProfileRowAccess;
import dev.roadwarrior.ui.notify.Notice;
import dev.roadwarrior.ui.settings.Autostart;
import dev.roadwarrior.ui.settings.SettingsStore;
import dev.roadwarrior.ui.settings.SettingsViewModel;
import dev.roadwarrior.ui.tray.TrayBackend;
import dev.roadwarrior.ui.tray.TrayState;
import dev.roadwarrior.ui.tray.TrayStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The app's wiring of the live connection: a row's state and words, the tray's state, the
 * notifications, and Quit asking to disconnect first; against a fake engine, on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class AppConnectionTest {

    @TempDir
    Path temp;

    private final FakeEngine engine = new FakeEngine();
    private final List<TrayState> trayStates = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();
    private AppConnection connection;
    private ProfileRow row;

    @Start
    void start(Stage stage) {
        // no window: the wiring needs only the FX thread (its ticker is an FX timeline)
    }

    private void setUp() {
        try {
            ProfileLibrary library = new ProfileLibrary(new ProfileStore(temp.resolve("profiles")),
                    new FileSecretStore(temp.resolve("secrets")));
            library.store(TestProfiles.lab(temp));
            DialogService prompts = new DialogService() {
                @Override
                public CompletionStage<Optional<PromptAnswer>> askCredentials(Prompt prompt) {
                    return CompletableFuture.completedFuture(Optional.of(new PromptAnswer(
                            Map.of(PromptField.PASSWORD, "pw".toCharArray()), false)));
                }

                @Override
                public void showBanner(String profile, String text) {
                }
            };
            ConnectionViewModel vm = new ConnectionViewModel(() -> new EngineLocator.Located(engine, true),
                    new ConnectService(library), prompts, Runnable::run, EngineEventBridge.direct(), Clock.systemUTC());
            TrayBackend tray = new TrayBackend() {
                @Override
                public Kind kind() {
                    return Kind.STATUS_NOTIFIER;
                }

                @Override
                public void show(TrayState state) {
                    trayStates.add(state);
                }

                @Override
                public void close() {
                }
            };
            SettingsViewModel settings = new SettingsViewModel(new SettingsStore(temp.resolve("settings.properties")),
                    new Autostart(temp.resolve("a.desktop"), "roadwarrior"), true);
            connection = new AppConnection(vm, tray, notices::add, settings);
            row = ProfileRowAccess.row("lab");
            connection.track(row);
            connection.profilesChanged(List.of("lab"));
            vm.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private TrayState tray() {
        return trayStates.get(trayStates.size() - 1);
    }

    private Notice lastNotice() {
        return notices.get(notices.size() - 1);
    }

    @Test
    void rowsTrayAndNotificationsFollowTheConnection(FxRobot robot) {
        robot.interact(() -> {
            setUp();
            assertEquals(TrayState.disconnected(List.of("lab")), tray());
            connection.connect("lab");
            engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTING));
            assertEquals(ProfileRow.State.CONNECTING, row.state().get());
            assertTrue(row.active().get());
            assertEquals(TrayStatus.CONNECTING, tray().status());
            engine.emit(new EngineEvent.TunnelUp(TestProfiles.tunnelConfig(), "IKE AES-256"));
            engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
            assertEquals(ProfileRow.State.CONNECTED, row.state().get());
            assertTrue(row.stateText().get().startsWith("Connected for "), row.stateText().get());
            assertTrue(row.stateText().get().endsWith("10.88.0.1"), row.stateText().get());
            assertEquals(new TrayState(TrayStatus.CONNECTED, List.of("lab"), Optional.of("lab"), "10.88.0.1"), tray());
            assertEquals(new Notice(Notice.Kind.CONNECTED, "lab", "10.88.0.1"), lastNotice());

            connection.disconnect("lab");
            engine.emit(new EngineEvent.StateChanged(ConnectionState.DISCONNECTED));
            engine.emit(new EngineEvent.Disconnected());
            assertEquals(ProfileRow.State.DISCONNECTED, row.state().get());
            assertEquals(TrayStatus.DISCONNECTED, tray().status());
            assertEquals(new Notice(Notice.Kind.DISCONNECTED, "lab", ""), lastNotice());
        });
    }

    @Test
    void quitAsksToDisconnectFirstAndExitsOnceDisconnected(FxRobot robot) {
        AtomicInteger exits = new AtomicInteger();
        FakeDialogs dialogs = new FakeDialogs();
        robot.interact(() -> {
            setUp();
            connection.quit(dialogs, exits::incrementAndGet);
            assertEquals(1, exits.get(), "nothing runs: quits at once");
            connection.connect("lab");
            engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
            connection.quit(dialogs, exits::incrementAndGet);
            assertEquals(1, exits.get(), "cancelled");
            assertTrue(dialogs.last().startsWith("choose: The VPN connection \"lab\" is up."), dialogs.last());
            dialogs.choices.push(Optional.of(0));
            connection.quit(dialogs, exits::incrementAndGet);
            assertEquals(1, exits.get(), "waits for the disconnect");
            assertEquals(1, engine.disconnects.get());
            engine.emit(new EngineEvent.StateChanged(ConnectionState.DISCONNECTED));
            engine.emit(new EngineEvent.Disconnected());
            assertEquals(2, exits.get());
        });
    }
}
