package dev.roadwarrior.ui.settings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The settings dialog in a real scene: OK writes the autostart entry, and removes it again. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {

    @TempDir
    static Path dir;

    private Path entry;
    private SettingsViewModel vm;
    private Stage owner;

    @Start
    void start(Stage stage) {
        Path home = dir.resolve(String.valueOf(System.nanoTime()));
        entry = home.resolve("autostart/roadwarrior.desktop");
        vm = new SettingsViewModel(new SettingsStore(home.resolve("settings.properties")),
                new Autostart(entry, "roadwarrior"), true);
        vm.reset(List.of("lab", "office"));
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    private void open(FxRobot robot) {
        robot.interact(() -> new SettingsView(vm, owner).show());
    }

    @Test
    void connectAtLoginWritesAndRemovesTheAutostartEntry(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#connectAtLogin");
        robot.clickOn("#settingsOk");
        assertTrue(Files.readString(entry).contains(" --connect \"lab\""));
        robot.interact(() -> vm.reset(List.of("lab", "office")));
        open(robot);
        robot.clickOn("#connectAtLogin");
        robot.clickOn("#settingsOk");
        assertFalse(Files.exists(entry));
    }
}
