package dev.roadwarrior.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.ui.FakeDialogs;
import dev.roadwarrior.ui.TestLibrary;
import dev.roadwarrior.ui.common.ProfileService;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The editor in a real scene: the reason under the field, Save disabled, secrets masked with a reveal toggle. */
@ExtendWith(ApplicationExtension.class)
class ProfileEditorViewTest {

    @TempDir
    static Path dir;

    private boolean closed;
    private ProfileService service;

    @Start
    void start(Stage stage) throws Exception {
        Path home = dir.resolve(String.valueOf(System.nanoTime()));
        java.nio.file.Files.createDirectories(home);
        service = TestLibrary.service(home);
        service.importFile(TestLibrary.vpnFile(home, "lab.vpn", "203.0.113.2"), Optional.empty());
        ProfileEditorViewModel vm = new ProfileEditorViewModel(service, new FakeDialogs(), Runnable::run, Runnable::run);
        ProfileEditorView view = new ProfileEditorView(vm, () -> closed = true);
        vm.open("lab");
        stage.setScene(new Scene(view.root()));
        stage.show();
    }

    @Test
    void showsTheReasonAtTheFieldAndDisablesSave(FxRobot robot) {
        Button save = robot.lookup("#save").queryButton();
        assertFalse(save.isDisabled());
        robot.doubleClickOn("#host").eraseText(20).write("{{ VPN_IP }}");
        Label error = robot.lookup("#hostError").queryAs(Label.class);
        assertEquals("\"{{ VPN_IP }}\" is a template placeholder, not a real value; edit the profile before connecting",
                error.getText());
        assertTrue(error.isVisible());
        assertTrue(save.isDisabled());
        robot.interact(() -> robot.lookup("#host").queryAs(TextField.class).setText("gw.example.org"));
        assertFalse(error.isVisible());
        assertFalse(save.isDisabled());
        robot.clickOn("#save");
        assertTrue(closed);
    }

    @Test
    void secretsAreDotsUntilRevealed(FxRobot robot) {
        robot.clickOn("Authentication");
        PasswordField hidden = robot.lookup("#groupPassword").queryAs(PasswordField.class);
        TextField shown = robot.lookup("#groupPasswordShown").queryAs(TextField.class);
        assertTrue(hidden.isVisible());
        assertFalse(shown.isVisible());
        assertEquals("rwgroup-secret", hidden.getText());
        robot.clickOn("#groupPasswordReveal");
        assertTrue(shown.isVisible());
        assertFalse(hidden.isVisible());
        assertEquals("rwgroup-secret", shown.getText());
        robot.clickOn("#groupPasswordReveal");
        assertTrue(hidden.isVisible());
    }

    @Test
    void everyShrewTabIsThere(FxRobot robot) {
        for (String tab : new String[] {"General", "Client", "Name Resolution", "Authentication", "Phase 1", "Phase 2",
            "Policy"}) {
            assertTrue(robot.lookup(tab).tryQuery().isPresent(), tab);
        }
    }
}
