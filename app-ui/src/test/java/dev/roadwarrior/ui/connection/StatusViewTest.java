package dev.roadwarrior.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.connect.ConnectService;
import dev.roadwarrior.daemon.EngineLocator;
import dev.roadwarrior.daemon.FakeEngine;
import dev.roadwarrior.daemon.TestProfiles;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.io.ProfileStore;
import dev.roadwarrior.profiles.secrets.FileSecretStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The status view shows every field of a connection started elsewhere, charts its throughput and copies it as text. */
@ExtendWith(ApplicationExtension.class)
class StatusViewTest {

    private final FakeEngine engine = new FakeEngine();
    private final ConnectionViewModelTest.MutableClock clock = new ConnectionViewModelTest.MutableClock();
    private ConnectionViewModel vm;
    private StatusViewModel status;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("rw-status");
        ProfileLibrary library = new ProfileLibrary(new ProfileStore(dir.resolve("profiles")),
                new FileSecretStore(dir.resolve("secrets")));
        vm = new ConnectionViewModel(() -> new EngineLocator.Located(engine, true), new ConnectService(library),
                new ConnectionViewModelTest.FakeDialogs(), Runnable::run, EngineEventBridge.fxThread(), clock);
        status = new StatusViewModel(vm, clock);
        stage.setScene(new Scene(new StatusView(status), 640, 760));
        stage.show();
    }

    @Test
    void everyFieldShowsAndCopies(FxRobot robot) throws Exception {
        vm.start();
        engine.emitElsewhere("office", new EngineEvent.StateChanged(ConnectionState.CONNECTING));
        engine.emitElsewhere("office", new EngineEvent.TunnelUp(TestProfiles.tunnelConfig(), "IKE AES-256"));
        engine.emitElsewhere("office", new EngineEvent.StateChanged(ConnectionState.CONNECTED));
        clock.now = clock.now.plusSeconds(1);
        engine.emitElsewhere("office", new EngineEvent.Statistics(ConnectionViewModelTest.statistics(84, 168, 5)));
        clock.now = clock.now.plusSeconds(1);
        engine.emitElsewhere("office", new EngineEvent.Statistics(ConnectionViewModelTest.statistics(3_000_000, 500_000, 6)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ConnectionState.CONNECTED, WaitForAsyncUtils.asyncFx(() -> vm.stateOf("office")).get(10, TimeUnit.SECONDS));

        List<String> texts = robot.lookup(n -> n instanceof Label).queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        for (String expected : List.of("office", "Connected", "203.0.113.2", "10.88.0.1/24", "10.3.0.53", "corp.example",
                "10.3.0.0/16", "IKE AES-256", "DNS through the tunnel", "40 min 00 s", "2.9 MiB in 35,714 packets", "488.3 KiB in 5,952 packets")) {
            assertTrue(texts.contains(expected), expected + " in " + texts);
        }
        LineChart<?, ?> chart = robot.lookup("#status-chart").queryAs(LineChart.class);
        assertEquals(1, chart.getData().get(0).getData().size());

        robot.clickOn("#status-copy");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertTrue(copied.contains("Virtual IP: 10.88.0.1/24\n"), copied);
        assertTrue(copied.contains("Routes into the tunnel: 10.3.0.0/16\n"), copied);
        assertEquals(status.text(), copied);
    }
}
