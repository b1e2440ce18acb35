package dev.roadwarrior.ui.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.ui.tray.sni.DBusMenu;
import dev.roadwarrior.ui.tray.sni.MenuEvent;
import dev.roadwarrior.ui.tray.sni.MenuItemProperties;
import dev.roadwarrior.ui.tray.sni.MenuLayout;
import dev.roadwarrior.ui.tray.sni.Pair;
import dev.roadwarrior.ui.tray.sni.StatusNotifierTray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tray's dbusmenu on a private bus, read and clicked the way a tray host does. */
class DBusMenuTest {

    private static final List<String> PROFILES = List.of("office", "home_lab");

    @TempDir
    Path dir;
    private PrivateBus bus;
    private FakeWatcher watcher;
    private DBusConnection host;
    private final RecordingActions actions = new RecordingActions();
    private TrayBackend tray;
    private DBusMenu menu;

    @BeforeEach
    void start() throws Exception {
        bus = PrivateBus.start(dir);
        watcher = FakeWatcher.start(bus);
        host = bus.connect();
        tray = TrayBackends.open(Optional.of(bus.address()), TrayState.disconnected(PROFILES), actions);
        menu = host.getRemoteObject(((StatusNotifierTray) tray).busName(), "/MenuBar", DBusMenu.class);
    }

    @AfterEach
    void stop() throws Exception {
        tray.close();
        host.close();
        watcher.close();
        bus.close();
    }

    @Test
    void layoutListsConnectPerProfileThenDisconnectShowWindowQuit() {
        Pair<UInt32, MenuLayout> layout = menu.GetLayout(0, -1, List.of());
        assertEquals(0, layout.second.id);
        assertEquals("submenu", layout.second.properties.get("children-display").getValue());
        assertEquals(7, layout.second.children.size());
        assertEquals(List.of("Connect office", "Connect home__lab", "-", "Disconnect", "-", "Show window", "Quit"),
                labels());
        assertEquals(List.of(true, true, true, false, true, true, true), enabled());
    }

    @Test
    void clickingConnectProfileConnectsThatProfile() throws Exception {
        menu.Event(idOf("Connect home__lab"), "clicked", new Variant<>(0), new UInt32(0));
        assertEquals("connect home_lab", actions.next());
        menu.Event(idOf("Connect office"), "hovered", new Variant<>(0), new UInt32(0));
        assertNull(actions.nextSoon(), "only clicks act");
    }

    @Test
    void showWindowAndQuitAndEventGroup() throws Exception {
        menu.Event(idOf("Show window"), "clicked", new Variant<>(""), new UInt32(0));
        assertEquals("show", actions.next());
        List<Integer> notFound = menu.EventGroup(List.of(
                new MenuEvent(idOf("Quit"), "clicked", new Variant<>(0), new UInt32(0)),
                new MenuEvent(99, "clicked", new Variant<>(0), new UInt32(0))));
        assertEquals("quit", actions.next());
        assertEquals(List.of(99), notFound);
        assertThrows(DBusExecutionException.class, () -> menu.Event(99, "clicked", new Variant<>(0), new UInt32(0)));
    }

    @Test
    void whileConnectedOnlyDisconnectIsOfferedAndTheLayoutUpdatedSignalCarriesANewRevision() throws Exception {
        BlockingQueue<DBusMenu.LayoutUpdated> updates = new LinkedBlockingQueue<>();
        host.addSigHandler(DBusMenu.LayoutUpdated.class, updates::add);
        long before = menu.GetLayout(0, -1, List.of()).first.longValue();

        tray.show(new TrayState(TrayStatus.CONNECTED, PROFILES, Optional.of("office"), "10.3.0.5"));
        DBusMenu.LayoutUpdated update = updates.poll(20, TimeUnit.SECONDS);
        assertTrue(update != null && update.revision.longValue() > before && update.parent == 0);
        assertEquals(List.of(false, false, true, true, true, true, true), enabled());
        MenuItemProperties office = properties().get(0);
        assertEquals("checkmark", office.properties.get("toggle-type").getValue());
        assertEquals(1, office.properties.get("toggle-state").getValue());

        menu.Event(idOf("Connect home__lab"), "clicked", new Variant<>(0), new UInt32(0));
        assertNull(actions.nextSoon(), "a disabled entry does nothing");
        menu.Event(idOf("Disconnect"), "clicked", new Variant<>(0), new UInt32(0));
        assertEquals("disconnect", actions.next());

        tray.show(TrayState.disconnected(List.of("office")));
        assertTrue(updates.poll(20, TimeUnit.SECONDS) != null);
        assertEquals(List.of("Connect office", "-", "Disconnect", "-", "Show window", "Quit"), labels());
    }

    @Test
    void menuPropertiesAndAboutToShow() throws Exception {
        Properties props = host.getRemoteObject(((StatusNotifierTray) tray).busName(), "/MenuBar", Properties.class);
        assertEquals(3L, ((UInt32) props.Get("com.canonical.dbusmenu", "Version")).longValue());
        assertEquals("normal", props.Get("com.canonical.dbusmenu", "Status"));
        assertEquals(false, menu.AboutToShow(0));
        assertEquals("Quit", menu.GetProperty(idOf("Quit"), "label").getValue());
    }

    private List<MenuItemProperties> properties() {
        return menu.GetGroupProperties(List.of(), List.of());
    }

    private List<String> labels() {
        List<String> out = new ArrayList<>();
        for (MenuItemProperties p : properties()) {
            out.add("separator".equals(value(p, "type")) ? "-" : (String) value(p, "label"));
        }
        return out;
    }

    private List<Boolean> enabled() {
        return properties().stream().map(p -> !Boolean.FALSE.equals(value(p, "enabled"))).toList();
    }

    private int idOf(String label) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        properties().forEach(p -> ids.put(String.valueOf(value(p, "label")), p.id));
        return ids.get(label);
    }

    private static Object value(MenuItemProperties p, String name) {
        Variant<?> v = p.properties.get(name);
        return v == null ? null : v.getValue();
    }
}
