package dev.roadwarrior.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.io.ProfileStore;
import dev.roadwarrior.profiles.secrets.FileSecretStore;
import dev.roadwarrior.ui.connection.EngineEventBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The log view filters by level and by search text. */
@ExtendWith(ApplicationExtension.class)
class LogViewTest {

    private LogViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("rw-log");
        ProfileLibrary library = new ProfileLibrary(new ProfileStore(dir.resolve("profiles")),
                new FileSecretStore(dir.resolve("secrets")));
        vm = new LogViewModel(EngineEventBridge.fxThread(), Runnable::run,
                new Diagnostics(library, c -> "", dir.resolve("resolv.conf")), ZoneOffset.UTC);
        stage.setScene(new Scene(new LogView(vm, Optional::empty), 800, 400));
        stage.show();
    }

    @Test
    void levelAndSearchFilter(FxRobot robot) {
        Instant t = Instant.parse("2026-12-04T19:00:00Z");
        vm.add(new LogEntry(t, LogLevel.DEBUG, "dev.roadwarrior.X", "received 84 bytes"));
        vm.add(new LogEntry(t, LogLevel.INFO, "dev.roadwarrior.daemon.DaemonCore", "office: tunnel up, address 10.88.0.1"));
        vm.add(new LogEntry(t, LogLevel.WARNING, "dev.roadwarrior.daemon.DaemonCore", "office: failed: PEER_DEAD"));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#log-list").queryListView();
        assertEquals(2, list.getItems().size(), "INFO and up by default");

        robot.interact(() -> robot.lookup("#log-level").queryAs(ChoiceBox.class).setValue(LogLevel.DEBUG));
        assertEquals(3, list.getItems().size());

        robot.clickOn("#log-search").write("TUNNEL");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, list.getItems().size());
        assertEquals("2026-12-04 19:00:00.000 INFO DaemonCore: office: tunnel up, address 10.88.0.1\n", vm.text());

        robot.interact(() -> robot.lookup("#log-level").queryAs(ChoiceBox.class).setValue(LogLevel.WARNING));
        assertEquals(0, list.getItems().size());
    }
}
