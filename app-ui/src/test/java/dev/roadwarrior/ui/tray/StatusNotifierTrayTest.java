package dev.roadwarrior.ui.tray;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.ui.tray.sni.StatusNotifierItem;
import dev.roadwarrior.ui.tray.sni.StatusNotifierTray;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.DBusSignal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The StatusNotifierItem on a private bus against a fake watcher: registration, properties, signals. */
class StatusNotifierTrayTest {

    private static final String ITEM = "org.kde.StatusNotifierItem";
    private static final List<String> PROFILES = List.of("office", "home");

    @TempDir
    Path dir;
    private PrivateBus bus;
    private FakeWatcher watcher;
    private DBusConnection host;
    private final RecordingActions actions = new RecordingActions();
    private TrayBackend tray;

    @BeforeEach
    void start() throws Exception {
        bus = PrivateBus.start(dir);
        watcher = FakeWatcher.start(bus);
        host = bus.connect();
        tray = TrayBackends.open(Optional.of(bus.address()), TrayState.disconnected(PROFILES), actions);
    }

    @AfterEach
    void stop() throws Exception {
        tray.close();
        host.close();
        watcher.close();
        bus.close();
    }

    @Test
    void registersWithTheWatcherUnderItsOwnBusName() throws Exception {
        assertEquals(TrayBackend.Kind.STATUS_NOTIFIER, tray.kind());
        String name = ((StatusNotifierTray) tray).busName();
        assertTrue(name.startsWith("org.kde.StatusNotifierItem-" + ProcessHandle.current().pid() + "-"), name);
        assertEquals(name, watcher.registered.poll(20, TimeUnit.SECONDS));
        assertEquals("ApplicationStatus", property("Category"));
        assertEquals("Roadwarrior", property("Title"));
        assertEquals("/MenuBar", property("Menu").toString());
    }

    @Test
    void iconStatusAndTooltipFollowTheStateWithSignals() throws Exception {
        assertEquals("roadwarrior-disconnected", property("IconName"));
        assertEquals("Active", property("Status"));
        assertEquals("Not connected", tooltipText());

        BlockingQueue<DBusSignal> signals = new LinkedBlockingQueue<>();
        host.addSigHandler(StatusNotifierItem.NewIcon.class, signals::add);
        host.addSigHandler(StatusNotifierItem.NewStatus.class, signals::add);
        host.addSigHandler(StatusNotifierItem.NewToolTip.class, signals::add);

        tray.show(new TrayState(TrayStatus.CONNECTED, PROFILES, Optional.of("office"), "10.3.0.5"));
        assertEquals(List.of("NewIcon", "NewStatus", "NewToolTip"), names(signals, 3));
        assertEquals("roadwarrior-connected", property("IconName"));
        assertEquals("Connected to office — 10.3.0.5", tooltipText());

        tray.show(new TrayState(TrayStatus.ERROR, PROFILES, Optional.of("office"), "The gateway did not answer."));
        assertEquals(List.of("NewIcon", "NewStatus", "NewToolTip"), names(signals, 3));
        assertEquals("roadwarrior-error", property("IconName"));
        assertEquals("NeedsAttention", property("Status"));
        assertEquals("Connection to office failed — The gateway did not answer.", tooltipText());

        tray.show(new TrayState(TrayStatus.ERROR, PROFILES, Optional.of("office"), "The gateway did not answer."));
        assertNull(signals.poll(1, TimeUnit.SECONDS), "an unchanged state sends no signal");
    }

    @Test
    void iconPixmapIsTheStatePngInNetworkByteOrderArgb() throws Exception {
        tray.show(new TrayState(TrayStatus.CONNECTED, PROFILES, Optional.of("office"), "10.3.0.5"));
        List<?> pixmaps = (List<?>) property("IconPixmap");
        assertEquals(6, pixmaps.size());
        Object[] first = (Object[]) pixmaps.get(0);
        assertEquals(16, first[0]);
        assertEquals(16, first[1]);
        byte[] expected = TrayIcons.argb32(TrayIcons.image("roadwarrior-connected", 16));
        assertArrayEquals(expected, bytes(first[2]));
        int centre = (8 * 16 + 4) * 4;   // row 8, column 4: the green shield, left of the check mark
        assertEquals((byte) 0xff, expected[centre], "opaque");
        assertTrue((expected[centre + 2] & 0xff) > (expected[centre + 1] & 0xff), "green dominates red");
    }

    @Test
    void activateShowsTheWindow() throws Exception {
        item().Activate(10, 10);
        assertEquals("show", actions.next());
    }

    @Test
    void registersAgainWhenTheWatcherRestarts() throws Exception {
        String name = watcher.registered.poll(20, TimeUnit.SECONDS);
        watcher.close();
        watcher = FakeWatcher.start(bus);
        assertEquals(name, watcher.registered.poll(20, TimeUnit.SECONDS));
    }

    private Object property(String name) throws Exception {
        return host.getRemoteObject(((StatusNotifierTray) tray).busName(), "/StatusNotifierItem", Properties.class)
                .Get(ITEM, name);
    }

    private String tooltipText() throws Exception {
        Object[] tooltip = (Object[]) property("ToolTip");
        assertEquals("Roadwarrior", tooltip[2]);
        return (String) tooltip[3];
    }

    private StatusNotifierItem item() throws Exception {
        return host.getRemoteObject(((StatusNotifierTray) tray).busName(), "/StatusNotifierItem",
                StatusNotifierItem.class);
    }

    private static byte[] bytes(Object array) {
        if (array instanceof byte[] b) {
            return b;
        }
        List<?> list = (List<?>) array;
        byte[] out = new byte[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Byte) list.get(i);
        }
        return out;
    }

    private static List<String> names(BlockingQueue<DBusSignal> signals, int count) throws InterruptedException {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            DBusSignal s = signals.poll(20, TimeUnit.SECONDS);
            out.add(s == null ? "none" : s.getName());
        }
        return out;
    }
}
