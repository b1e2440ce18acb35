package dev.roadwarrior.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.ui.FakeDialogs;
import dev.roadwarrior.ui.TestLibrary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window in a real scene (headless Monocle): empty state, import, rename, delete, the connect switch. */
@ExtendWith(ApplicationExtension.class)
class MainWindowViewTest {

    @TempDir
    static Path dir;

    private final FakeDialogs dialogs = new FakeDialogs();
    private final RecordingConnections connections = new RecordingConnections();
    private MainWindowViewModel vm;

    @Start
    void start(Stage stage) {
        Navigator none = new Navigator() {
            @Override
            public void openEditor(Optional<String> profile) {
            }

            @Override
            public void openSettings() {
            }
        };
        vm = new MainWindowViewModel(TestLibrary.service(dir.resolve(String.valueOf(System.nanoTime()))), dialogs,
                none, connections, Runnable::run, Runnable::run);
        MainWindowView view = new MainWindowView(vm, new Label("status pane"), new Label("log pane"));
        stage.setScene(new Scene(view.root()));
        stage.show();
        vm.reload();
    }

    @SuppressWarnings("unchecked")
    private List<String> listed(FxRobot robot) {
        ListView<ProfileRow> list = robot.lookup("#profiles").queryAs(ListView.class);
        return list.getItems().stream().map(ProfileRow::name).toList();
    }

    @Test
    void showsHowToImportUntilAProfileExists(FxRobot robot) throws Exception {
        Node empty = robot.lookup("#emptyState").query();
        assertTrue(empty.isVisible());
        assertTrue(robot.lookup("#emptyText").queryAs(Label.class).getText().contains("drop the file on this window"));
        Path file = TestLibrary.vpnFile(dir, "office.vpn", "203.0.113.2");
        dialogs.files.push(Optional.of(file));
        robot.clickOn("#emptyImportButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(empty.isVisible());
        assertEquals(List.of("office"), listed(robot));
        assertTrue(robot.lookup("#profile-office").tryQuery().isPresent());
        assertEquals("office", robot.lookup("#selectedName").queryAs(Label.class).getText());
    }

    @Test
    void renamesAndDeletesFromTheButtons(FxRobot robot) throws Exception {
        robot.interact(() -> vm.importFile(uncheckedFile("lab.vpn")));
        dialogs.texts.push(Optional.of("office"));
        robot.clickOn("#renameButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("office"), listed(robot));
        dialogs.confirms.push(true);
        robot.clickOn("#deleteButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), listed(robot));
        assertTrue(dialogs.shown.contains("confirm: Delete the profile \"office\" and its saved passwords? This cannot be undone."));
        assertTrue(robot.lookup("#emptyState").query().isVisible());
    }

    @Test
    void theSwitchAndTheButtonAskToConnect(FxRobot robot) throws Exception {
        robot.interact(() -> vm.importFile(uncheckedFile("lab.vpn")));
        robot.clickOn("#toggle-lab");
        assertTrue(connections.calls.contains("connect lab"), connections.calls.toString());
        robot.interact(() -> {
            vm.rows().get(0).active().set(true);
            vm.rows().get(0).state().set(ProfileRow.State.CONNECTED);
            vm.rows().get(0).stateText().set("Connected for 2 min");
        });
        assertEquals("Disconnect", robot.lookup("#connectButton").queryLabeled().getText());
        robot.clickOn("#connectButton");
        assertTrue(connections.calls.contains("disconnect lab"), connections.calls.toString());
        assertTrue(robot.lookup("Connected for 2 min").tryQuery().isPresent());
    }

    private static Path uncheckedFile(String name) {
        try {
            return TestLibrary.vpnFile(dir, name, "203.0.113.2");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
