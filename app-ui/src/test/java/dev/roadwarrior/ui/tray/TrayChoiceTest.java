package dev.roadwarrior.ui.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which backend the factory picks, and that it never fails. */
class TrayChoiceTest {

    @TempDir
    Path dir;

    @Test
    void aWatcherWinsOverAwtAndNoneIsTheLastResort() {
        assertEquals(TrayBackend.Kind.STATUS_NOTIFIER, TrayBackends.choose(true, true));
        assertEquals(TrayBackend.Kind.STATUS_NOTIFIER, TrayBackends.choose(true, false));
        assertEquals(TrayBackend.Kind.AWT, TrayBackends.choose(false, true));
        assertEquals(TrayBackend.Kind.NONE, TrayBackends.choose(false, false));
    }

    @Test
    void aBusWithoutAWatcherGivesNoStatusNotifierItem() throws Exception {
        try (PrivateBus bus = PrivateBus.start(dir);
             TrayBackend tray = TrayBackends.open(Optional.of(bus.address()),
                     TrayState.disconnected(List.of("office")), new RecordingActions())) {
            if (GraphicsEnvironment.isHeadless()) {
                assertEquals(TrayBackend.Kind.NONE, tray.kind());
                assertFalse(tray.keepsAppReachable());
            } else {
                assertEquals(TrayBackends.choose(false, java.awt.SystemTray.isSupported()), tray.kind());
            }
        }
    }

    @Test
    void noBusAtAllStillGivesABackend() {
        try (TrayBackend tray = TrayBackends.open(Optional.of("unix:path=" + dir.resolve("no-bus")),
                TrayState.disconnected(List.of()), new RecordingActions())) {
            tray.show(new TrayState(TrayStatus.CONNECTING, List.of("office"), Optional.of("office"), ""));
            assertEquals(false, tray.kind() == TrayBackend.Kind.STATUS_NOTIFIER);
        }
    }
}
