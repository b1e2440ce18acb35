package dev.roadwarrior.ui.tray.sni;

import dev.roadwarrior.ui.tray.TrayActions;
import dev.roadwarrior.ui.tray.TrayBackend;
import dev.roadwarrior.ui.tray.TrayMenu;
import dev.roadwarrior.ui.tray.TrayState;
import dev.roadwarrior.ui.tray.TrayTexts;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;

/**
 * The tray as a freedesktop StatusNotifierItem: exports the item ({@code /StatusNotifierItem}) and
 * its dbusmenu ({@code /MenuBar}) under the bus name {@code org.kde.StatusNotifierItem-<pid>-<n>},
 * registers with the {@code org.kde.StatusNotifierWatcher}, and registers again whenever the watcher
 * gets a new owner (a panel restart).
 *
 * <p>Owns its bus connection (a private, non-shared one) and closes it on {@link #close}.
 * Threading: {@link #show} and {@link #close} from any thread (serialised here); D-Bus calls and the
 * watcher's restarts arrive on dbus-java threads.
 */
public final class StatusNotifierTray implements TrayBackend {

    private static final Logger LOG = Logger.getLogger(StatusNotifierTray.class.getName());
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final DBusConnection connection;
    private final String busName;
    private final ItemObject item;
    private final MenuObject menu;
    private TrayState shown;
    private TrayMenu shownMenu;
    private boolean closed;

    private StatusNotifierTray(DBusConnection connection, TrayState initial, TrayActions actions) {
        this.connection = connection;
        this.busName = "org.kde.StatusNotifierItem-" + ProcessHandle.current().pid() + "-"
                + INSTANCES.incrementAndGet();
        this.shown = initial;
        this.shownMenu = TrayMenu.of(initial);
        this.item = new ItemObject(initial, actions);
        this.menu = new MenuObject(shownMenu, actions);
    }

    /** True when a StatusNotifierWatcher owns its name on this bus (a tray host that shows SNI items). */
    public static boolean watcherPresent(DBusConnection connection) {
        try {
            return connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class)
                    .NameHasOwner(StatusNotifierWatcher.BUS_NAME);
        } catch (DBusException | DBusExecutionException e) {
            LOG.log(Level.FINE, "Could not ask the bus for a StatusNotifierWatcher", e);
            return false;
        }
    }

    /**
     * Exports the item on {@code connection} (which this tray then owns) and registers it with the
     * watcher. On failure the connection is left open for the caller to close.
     */
    public static StatusNotifierTray open(DBusConnection connection, TrayState initial, TrayActions actions)
            throws DBusException {
        StatusNotifierTray tray = new StatusNotifierTray(connection, initial, actions);
        connection.exportObject(ItemObject.PATH, tray.item);
        connection.exportObject(MenuObject.PATH, tray.menu);
        connection.requestBusName(tray.busName);
        connection.addSigHandler(DBus.NameOwnerChanged.class, tray::watcherChanged);
        tray.register();
        return tray;
    }

    /** The bus name the item is exported under, as registered with the watcher. */
    public String busName() {
        return busName;
    }

    @Override
    public Kind kind() {
        return Kind.STATUS_NOTIFIER;
    }

    @Override
    public synchronized void show(TrayState state) {
        if (closed) {
            return;
        }
        TrayState before = shown;
        TrayMenu newMenu = TrayMenu.of(state);
        item.setState(state);
        shown = state;
        try {
            if (before.status() != state.status()) {
                send(new StatusNotifierItem.NewIcon(ItemObject.PATH));
                send(new StatusNotifierItem.NewStatus(ItemObject.PATH, ItemObject.status(state.status())));
            }
            if (!TrayTexts.tooltip(before).equals(TrayTexts.tooltip(state))) {
                send(new StatusNotifierItem.NewToolTip(ItemObject.PATH));
            }
            if (!newMenu.equals(shownMenu)) {
                shownMenu = newMenu;
                int revision = menu.setMenu(newMenu);
                send(new DBusMenu.LayoutUpdated(MenuObject.PATH, new UInt32(revision), 0));
            }
        } catch (DBusException e) {
            LOG.log(Level.WARNING, "Could not tell the tray host about a state change", e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the tray's bus connection failed", e);
        }
    }

    private void send(DBusSignal signal) {
        connection.sendMessage(signal);
    }

    private void watcherChanged(DBus.NameOwnerChanged change) {
        if (StatusNotifierWatcher.BUS_NAME.equals(change.name) && !change.newOwner.isEmpty()) {
            LOG.fine("The StatusNotifierWatcher changed owner; registering the tray item again");
            register();
        }
    }

    private void register() {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        try {
            connection.getRemoteObject(StatusNotifierWatcher.BUS_NAME, StatusNotifierWatcher.PATH,
                    StatusNotifierWatcher.class).RegisterStatusNotifierItem(busName);
            LOG.fine(() -> "Registered tray item " + busName);
        } catch (DBusException | DBusExecutionException e) {
            LOG.log(Level.WARNING, "Could not register the tray item with the StatusNotifierWatcher", e);
        }
    }
}
