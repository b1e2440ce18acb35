package dev.roadwarrior.ui;

import dev.roadwarrior.ui.common.FxDialogService;
import dev.roadwarrior.ui.common.ProfileService;
import dev.roadwarrior.ui.main.ProfileConnections;
import dev.roadwarrior.ui.main.ProfileRow;
import dev.roadwarrior.ui.settings.SettingsViewModel;
import dev.roadwarrior.ui.tray.TrayActions;
import dev.roadwarrior.ui.tray.TrayBackend;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/** INTERIM (not to be committed): replaced by the ConnectionViewModel wiring. */
final class AppConnection implements ProfileConnections, AutoCloseable {
    void start(ProfileService p, FxDialogService d, TrayBackend t, SettingsViewModel s) { }
    TrayActions trayActions(RoadwarriorApp app) {
        return new TrayActions() {
            public void connect(String n) { }
            public void disconnect() { }
            public void showWindow() { Platform.runLater(app::showWindow); }
            public void quit() { Platform.runLater(app::quit); }
        };
    }
    Node statusPane() { return new Region(); }
    Node logPane() { return new Region(); }
    void profilesChanged(List<String> names) { }
    void quit(FxDialogService d, Runnable then) { then.run(); }
    public void track(ProfileRow row) { }
    public void connect(String profile) { }
    public void disconnect(String profile) { }
    public void close() { }
}
