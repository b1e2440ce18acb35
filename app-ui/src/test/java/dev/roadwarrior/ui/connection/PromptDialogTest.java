package dev.roadwarrior.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.connect.Prompt;
import dev.roadwarrior.connect.PromptAnswer;
import dev.roadwarrior.connect.PromptField;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The prompt comes up with the focus in its first empty field; Enter submits, Escape cancels; the banner is acknowledged. */
@ExtendWith(ApplicationExtension.class)
class PromptDialogTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    private static Prompt login(boolean offerSave) {
        return new Prompt("office", List.of(PromptField.USER_NAME, PromptField.PASSWORD),
                Map.of(PromptField.USER_NAME, "alice"), "Log in to office", "", "", offerSave);
    }

    private CompletableFuture<Optional<PromptAnswer>> show(FxRobot robot, Prompt prompt,
            AtomicReference<PromptDialog> dialog) {
        CompletableFuture<Optional<PromptAnswer>> answer = new CompletableFuture<>();
        robot.interact(() -> {
            PromptDialog d = new PromptDialog(new PromptViewModel(prompt), stage);
            dialog.set(d);
            d.ask().thenAccept(answer::complete);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return answer;
    }

    @Test
    void focusIsInTheFirstEmptyFieldAndEnterSubmits(FxRobot robot) throws Exception {
        AtomicReference<PromptDialog> dialog = new AtomicReference<>();
        CompletableFuture<Optional<PromptAnswer>> answer = show(robot, login(true), dialog);
        assertTrue(dialog.get().input(PromptField.PASSWORD).isFocused(), "the password field has the focus");
        assertEquals("alice", dialog.get().input(PromptField.USER_NAME).getText());
        robot.clickOn(dialog.get().input(PromptField.PASSWORD)).write("s3cret");
        robot.clickOn("#prompt-save-password");
        robot.clickOn(dialog.get().input(PromptField.PASSWORD));
        robot.type(KeyCode.ENTER);
        PromptAnswer a = answer.get(10, TimeUnit.SECONDS).orElseThrow();
        assertEquals("s3cret", new String(a.values().get(PromptField.PASSWORD)));
        assertEquals("alice", new String(a.values().get(PromptField.USER_NAME)));
        assertTrue(a.savePassword());
        assertEquals("", dialog.get().input(PromptField.PASSWORD).getText(), "the typed secret is cleared");
    }

    @Test
    void escapeCancels(FxRobot robot) throws Exception {
        AtomicReference<PromptDialog> dialog = new AtomicReference<>();
        CompletableFuture<Optional<PromptAnswer>> answer = show(robot, login(true), dialog);
        robot.clickOn(dialog.get().input(PromptField.PASSWORD)).write("typed");
        robot.type(KeyCode.ESCAPE);
        assertEquals(Optional.empty(), answer.get(10, TimeUnit.SECONDS));
    }

    @Test
    void saveIsOfferedOnlyWhereAllowedAndTheGatewaysWordsShow(FxRobot robot) throws Exception {
        Prompt code = new Prompt("office", List.of(PromptField.PASSCODE, PromptField.NEXT_PIN), Map.of(),
                "The gateway asks for more to authenticate you.", "Enter the token code", "4711", true);
        AtomicReference<PromptDialog> dialog = new AtomicReference<>();
        CompletableFuture<Optional<PromptAnswer>> answer = show(robot, code, dialog);
        assertTrue(robot.lookup("#prompt-save-password").tryQuery().isEmpty(), "no password asked: nothing to save");
        String text = robot.lookup("#prompt-text").queryLabeled().getText();
        assertTrue(text.contains("The gateway says: Enter the token code") && text.contains("Challenge: 4711"), text);
        assertTrue(dialog.get().input(PromptField.PASSCODE).isFocused());
        robot.clickOn(dialog.get().input(PromptField.PASSCODE)).write("123456");
        robot.clickOn(dialog.get().input(PromptField.NEXT_PIN)).write("9999");
        robot.type(KeyCode.ENTER);
        PromptAnswer a = answer.get(10, TimeUnit.SECONDS).orElseThrow();
        assertEquals("9999", new String(a.values().get(PromptField.NEXT_PIN)));
        assertFalse(a.savePassword());

        Prompt refused = login(false);
        show(robot, refused, dialog);
        assertNull(robot.lookup("#prompt-save-password").tryQuery().orElse(null), "the gateway refused saving");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theBannerIsShownUntilAcknowledged(FxRobot robot) {
        AtomicReference<BannerDialog> banner = new AtomicReference<>();
        robot.interact(() -> {
            banner.set(new BannerDialog("office", "Authorized use only.\nAll access is logged.", stage));
            banner.get().show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextArea text = robot.lookup("#banner-text").queryAs(TextArea.class);
        assertNotNull(text);
        assertEquals("Authorized use only.\nAll access is logged.", text.getText());
        assertTrue(banner.get().isShowing());
        robot.clickOn("OK");
        assertFalse(banner.get().isShowing());
    }
}
