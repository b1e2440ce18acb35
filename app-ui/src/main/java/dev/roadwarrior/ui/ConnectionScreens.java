package dev.roadwarrior.ui;

import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.ui.connection.ConnectProgressView;
import dev.roadwarrior.ui.connection.ConnectProgressViewModel;
import dev.roadwarrior.ui.connection.ConnectionViewModel;
import dev.roadwarrior.ui.connection.DialogService;
import dev.roadwarrior.ui.connection.EngineEventBridge;
import dev.roadwarrior.ui.connection.FxDialogService;
import dev.roadwarrior.ui.connection.StatusView;
import dev.roadwarrior.ui.connection.StatusViewModel;
import dev.roadwarrior.ui.log.Diagnostics;
import dev.roadwarrior.ui.log.LogCapture;
import dev.roadwarrior.ui.log.LogView;
import dev.roadwarrior.ui.log.LogViewModel;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Builds the connection screens of {@code ui.connection} for the main window: the connect progress
 * above the live status, the log, and the prompt and banner dialogs. The composition root's helper,
 * so that the main window's view sees only its own ViewModel. FX thread only.
 */
final class ConnectionScreens {

    private ConnectionScreens() {
    }

    /** The prompt and banner dialogs, owned by {@code owner}. */
    static DialogService dialogs(Window owner) {
        return new FxDialogService(() -> owner);
    }

    /** Connect progress (hidden while connected) and live status, scrolling. */
    static Node status(ConnectionViewModel vm) {
        ConnectProgressView progress = new ConnectProgressView(new ConnectProgressViewModel(vm));
        // the steps matter while connecting or after a failure; once up, the status takes the room
        progress.visibleProperty().bind(vm.busyProperty().and(vm.connectedProperty().not())
                .or(vm.failureProperty().isNotEmpty().and(vm.connectedProperty().not())));
        progress.managedProperty().bind(progress.visibleProperty());
        VBox box = new VBox(12, progress, new StatusView(new StatusViewModel(vm, Clock.systemDefaultZone())));
        box.setPadding(new Insets(12, 16, 12, 16));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    /**
     * The log of this app, fed by a capture on the root logger from now on.
     *
     * @param profile the profile whose settings go into "Save diagnostics…"
     */
    static Node log(ProfileLibrary library, Executor background, Supplier<Optional<String>> profile) {
        LogViewModel vm = new LogViewModel(EngineEventBridge.fxThread(), background, Diagnostics.ofHost(library),
                ZoneId.systemDefault());
        LogCapture.install(vm::add);
        return new LogView(vm, profile);
    }
}
