package dev.roadwarrior.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Proves the headless test toolkit (Monocle) works: a button in a real scene is clicked by the robot. */
@ExtendWith(ApplicationExtension.class)
class HeadlessFxSmokeTest {
    private int clicks;

    @Start
    void start(Stage stage) {
        final Button button = new Button("Press");
        button.setId("press");
        button.setOnAction(e -> clicks++);
        stage.setScene(new Scene(new StackPane(button), 200, 100));
        stage.show();
    }

    @Test
    void robotClicksAButton(FxRobot robot) {
        robot.clickOn("#press");
        assertEquals(1, clicks);
    }
}
