package dev.roadwarrior.ui.connection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import dev.roadwarrior.connect.ConnectService;
import dev.roadwarrior.connect.Prompt;
import dev.roadwarrior.connect.PromptField;
import dev.roadwarrior.daemon.EngineLocator;
import dev.roadwarrior.daemon.FakeEngine;
import dev.roadwarrior.daemon.TestProfiles;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.io.ProfileStore;
import dev.roadwarrior.profiles.secrets.FileSecretStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the status view (connected, with counters and a throughput history) and the prompt
 * dialog with the app's theme into {@code target/screenshots/} as PNG files (copied to
 * {@code docs/screenshots/} for the README).
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotsTest {

    private static final Path OUT = Path.of("target", "screenshots");
    private final FakeEngine engine = new FakeEngine();
    private final ConnectionViewModelTest.MutableClock clock = new ConnectionViewModelTest.MutableClock();
    private Stage stage;
    private ConnectionViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        Path dir = Files.createTempDirectory("rw-shots");
        ProfileLibrary library = new ProfileLibrary(new ProfileStore(dir.resolve("profiles")),
                new FileSecretStore(dir.resolve("secrets")));
        vm = new ConnectionViewModel(() -> new EngineLocator.Located(engine, true), new ConnectService(library),
                new ConnectionViewModelTest.FakeDialogs(), Runnable::run, EngineEventBridge.fxThread(), clock);
        stage.setScene(new Scene(new StatusView(new StatusViewModel(vm, clock)), 680, 760));
        stage.show();
    }

    @Test
    void statusViewAndPrompt(FxRobot robot) throws Exception {
        vm.start();
        engine.emitElsewhere("office", new EngineEvent.StateChanged(ConnectionState.CONNECTING));
        engine.emitElsewhere("office", new EngineEvent.TunnelUp(TestProfiles.tunnelConfig(),
                "IKE AES-256/SHA2-256/MODP2048, ESP AES-256/HMAC-SHA2-256-128"));
        engine.emitElsewhere("office", new EngineEvent.StateChanged(ConnectionState.CONNECTED));
        long in = 0;
        long out = 0;
        for (int s = 1; s <= 180; s++) {
            clock.now = clock.now.plusSeconds(1);
            in += (long) (40_000 + 30_000 * Math.sin(s / 9.0) + (s > 120 ? 150_000 : 0));
            out += (long) (12_000 + 8_000 * Math.cos(s / 7.0));
            engine.emitElsewhere("office", new EngineEvent.Statistics(new ConnectionStatistics(in, in / 900, out,
                    out / 300, 0, Duration.ofSeconds(600 + s), "IKE AES-256/SHA2-256/MODP2048, ESP AES-256/HMAC-SHA2-256-128",
                    Ipv4Network.parseAddress("10.88.0.1"), true, true, Optional.of(Duration.ofMinutes(47)))));
        }
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> vm.throughput().size()).get() == 179);
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(OUT);
        assertTrue(WaitForAsyncUtils.asyncFx(() -> vm.connectedProperty().get()).get());
        Path status = OUT.resolve("status-connected.png");
        save(robot, stage.getScene().getRoot(), status);

        AtomicReference<PromptDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            Prompt prompt = new Prompt("office", List.of(PromptField.USER_NAME, PromptField.PASSWORD),
                    Map.of(PromptField.USER_NAME, "alice"), "Log in to office", "Welcome to the Example Corp VPN", "",
                    true);
            dialog.set(new PromptDialog(new PromptViewModel(prompt), stage));
            dialog.get().ask();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path prompt = OUT.resolve("prompt-dialog.png");
        save(robot, dialog.get().getDialogPane(), prompt);
        robot.interact(() -> dialog.get().close());

        assertTrue(ImageIO.read(status.toFile()).getWidth() >= 600);
        assertTrue(ImageIO.read(prompt.toFile()).getWidth() >= 300);
    }

    private static void save(FxRobot robot, Node node, Path file) throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(node.snapshot(null, null)));
        WritableImage img = image.get();
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        ImageIO.write(out, "png", file.toFile());
    }
}
