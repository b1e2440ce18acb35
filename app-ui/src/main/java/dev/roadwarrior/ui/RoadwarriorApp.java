package dev.roadwarrior.ui;

import atlantafx.base.theme.PrimerLight;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.RoadwarriorPaths;
import dev.roadwarrior.ui.common.FxDialogService;
import dev.roadwarrior.ui.common.ProfileService;
import dev.roadwarrior.ui.common.UiText;
import dev.roadwarrior.ui.editor.ProfileEditorView;
import dev.roadwarrior.ui.editor.ProfileEditorViewModel;
import dev.roadwarrior.ui.instance.SingleInstance;
import dev.roadwarrior.ui.main.MainWindowView;
import dev.roadwarrior.ui.main.MainWindowViewModel;
import dev.roadwarrior.ui.main.Navigator;
import dev.roadwarrior.ui.settings.Autostart;
import dev.roadwarrior.ui.settings.SettingsStore;
import dev.roadwarrior.ui.settings.SettingsView;
import dev.roadwarrior.ui.settings.SettingsViewModel;
import dev.roadwarrior.ui.tray.TrayBackend;
import dev.roadwarrior.ui.tray.TrayBackends;
import dev.roadwarrior.ui.tray.TrayState;
import dev.roadwarrior.ui.connection.ConnectionViewModel;
import dev.roadwarrior.ui.main.ProfileRow;
import dev.roadwarrior.ui.notify.DesktopNotifier;
import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * The desktop app: builds the services, ViewModels and views, owns the main window, the tray and
 * the single-instance hand-over. {@link AppLauncher} starts it.
 *
 * <p>Threading: JavaFX lifecycle; {@link #init()} runs on the launcher thread (the tray is opened
 * there, off the FX thread), everything else on the FX thread. Requests from a second start arrive
 * through {@link #handOver} on the instance thread and hop to the FX thread.
 */
public final class RoadwarriorApp extends Application implements Navigator {

    private static volatile AppOptions options = new AppOptions(Optional.empty(), Optional.empty());
    private static volatile RoadwarriorApp running;
    private static volatile SingleInstance.Request early;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roadwarrior-profiles");
        t.setDaemon(true);
        return t;
    });
    private Stage stage;
    private TrayBackend tray;
    private ProfileService profiles;
    private FxDialogService dialogs;
    private MainWindowViewModel main;
    private SettingsViewModel settings;
    private AppConnection connection;
    private ConnectionViewModel connectionVm;
    private DesktopNotifier notifier;

    /** Sets the options of the next launch. */
    static void prepare(AppOptions o) {
        options = o;
    }

    /** A request from a later start: show the window and offer the file. Any thread. */
    static void handOver(SingleInstance.Request request) {
        RoadwarriorApp app = running;
        if (app == null) {
            early = request;
            return;
        }
        Platform.runLater(() -> app.handle(request));
    }

    @Override
    public void init() {
        tray = TrayBackends.open(TrayState.disconnected(List.of()), AppConnection.trayActions(this));
        notifier = DesktopNotifier.open();
    }

    @Override
    public void start(Stage primary) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage = primary;
        Platform.setImplicitExit(false);
        profiles = new ProfileService(ProfileLibrary.open());
        dialogs = new FxDialogService(stage);
        settings = new SettingsViewModel(new SettingsStore(RoadwarriorPaths.fromEnvironment().configDir()
                .resolve("settings.properties")), Autostart.forUser(System.getenv()), tray.keepsAppReachable());
        connectionVm = ConnectionViewModel.forApp(profiles.library(), ConnectionScreens.dialogs(stage));
        connection = new AppConnection(connectionVm, tray, notifier, settings);
        main = new MainWindowViewModel(profiles, dialogs, this, connection, background, Platform::runLater);
        main.notice().bind(connectionVm.serviceProblemProperty());
        main.rows().addListener((ListChangeListener<ProfileRow>) c -> connection.profilesChanged(
                main.rows().stream().map(ProfileRow::name).toList()));
        MainWindowView view = new MainWindowView(main, ConnectionScreens.status(connectionVm),
                ConnectionScreens.log(profiles.library(), background, () -> Optional.ofNullable(main.selected().get())
                        .map(ProfileRow::name)));
        connectionVm.start();
        Scene scene = new Scene(view.root());
        stage.setScene(scene);
        stage.setTitle(UiText.get("main.title"));
        stage.getIcons().addAll(icon(256), icon(64), icon(48), icon(32), icon(16));
        stage.setOnCloseRequest(e -> {
            e.consume();
            if (tray.keepsAppReachable()) {
                stage.hide();
            } else {
                quit();
            }
        });
        main.reload();
        boolean hidden = settings.current().get().startMinimised() && tray.keepsAppReachable();
        if (!hidden || options.openFile().isPresent()) {
            stage.show();
        }
        running = this;
        options.openFile().ifPresent(main::offerImport);
        options.connect().ifPresent(this::connect);
        SingleInstance.Request pending = early;
        if (pending != null) {
            early = null;
            handle(pending);
        }
    }

    private void handle(SingleInstance.Request request) {
        showWindow();
        request.file().ifPresent(main::offerImport);
    }

    /** Shows the main window and brings it to the front. FX thread. */
    void showWindow() {
        stage.show();
        stage.setIconified(false);
        stage.toFront();
        stage.requestFocus();
    }

    /** Connects {@code profile} (tray menu, autostart). FX thread. */
    void connect(String profile) {
        connection.connect(profile);
    }

    /** Disconnects whatever runs (tray menu). FX thread. */
    void disconnect() {
        connection.disconnect();
    }

    /** Quits, asking first whether to disconnect a running connection. FX thread. */
    void quit() {
        connection.quit(dialogs, () -> {
            tray.close();
            notifier.close();
            Platform.exit();
        });
    }

    @Override
    public void openEditor(Optional<String> profile) {
        ProfileEditorViewModel vm = new ProfileEditorViewModel(profiles, dialogs, background, Platform::runLater);
        Stage window = new Stage();
        window.initOwner(stage);
        window.initModality(Modality.WINDOW_MODAL);
        ProfileEditorView view = new ProfileEditorView(vm, () -> {
            window.close();
            main.reload();
        });
        window.setScene(new Scene(view.root()));
        window.titleProperty().bind(vm.title());
        window.getIcons().setAll(stage.getIcons());
        profile.ifPresentOrElse(vm::open, vm::openNew);
        window.show();
    }

    @Override
    public void openSettings() {
        settings.reset(main.rows().stream().map(r -> r.name()).toList());
        new SettingsView(settings, stage).showAndWait();
    }

    @Override
    public void stop() {
        connectionVm.close();
        background.shutdownNow();
    }

    private static Image icon(int size) {
        return new Image(RoadwarriorApp.class.getResourceAsStream(
                "/dev/roadwarrior/ui/icons/hicolor/" + size + "x" + size + "/apps/roadwarrior.png"));
    }
}
