package dev.roadwarrior.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.connect.ConnectService;
import dev.roadwarrior.connect.ErrorMessages;
import dev.roadwarrior.daemon.EngineLocator;
import dev.roadwarrior.daemon.FakeEngine;
import dev.roadwarrior.daemon.TestProfiles;
import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.io.ProfileStore;
import dev.roadwarrior.profiles.secrets.FileSecretStore;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The progress view ticks the plain steps, shows a failure in the CLI's words, and Cancel disconnects. */
@ExtendWith(ApplicationExtension.class)
class ConnectProgressViewTest {

    private final FakeEngine engine = new FakeEngine();
    private ConnectionViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("rw-progress");
        ProfileLibrary library = new ProfileLibrary(new ProfileStore(dir.resolve("profiles")),
                new FileSecretStore(dir.resolve("secrets")));
        library.store(TestProfiles.lab(dir));
        library.secrets().put("lab", SecretKind.XAUTH_PASSWORD, Secret.ofText("pw"));
        vm = new ConnectionViewModel(() -> new EngineLocator.Located(engine, true), new ConnectService(library),
                new ConnectionViewModelTest.FakeDialogs(), Runnable::run, EngineEventBridge.fxThread(),
                new ConnectionViewModelTest.MutableClock());
        stage.setScene(new Scene(new ConnectProgressView(new ConnectProgressViewModel(vm)), 500, 400));
        stage.show();
    }

    @Test
    void stepsThenCancelThenFailure(FxRobot robot) throws Exception {
        robot.interact(() -> vm.connect("lab"));
        engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTING));
        engine.emit(new EngineEvent.Progress(ProgressStep.RESOLVING, "203.0.113.2"));
        engine.emit(new EngineEvent.Progress(ProgressStep.GATEWAY_REACHED, "203.0.113.2"));
        engine.emit(new EngineEvent.Progress(ProgressStep.NAT_DETECTED, ""));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> steps = robot.lookup(".connect-step").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertEquals(List.of("\u2713  Looking up the gateway", "\u2713  Gateway reached", "\u2713  NAT detected"), steps);
        assertTrue(robot.lookup("Connecting to lab").tryQuery().isPresent());

        robot.clickOn("#connect-cancel");
        assertEquals(1, engine.disconnects.get());
        ConnectException cancelled = new ConnectException(FailureReason.CANCELLED, "");
        engine.emit(new EngineEvent.Failed(cancelled));
        WaitForAsyncUtils.waitForFxEvents();
        String failure = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#connect-failure").queryLabeled().getText())
                .get(10, TimeUnit.SECONDS);
        assertEquals(ErrorMessages.failure(cancelled), failure);
    }
}
