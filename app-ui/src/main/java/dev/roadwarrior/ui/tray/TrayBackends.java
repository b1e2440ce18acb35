package dev.roadwarrior.ui.tray;

import dev.roadwarrior.ui.dbus.SessionBus;
import dev.roadwarrior.ui.tray.sni.StatusNotifierTray;
import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;

/**
 * Chooses and opens the tray backend: StatusNotifierItem when a StatusNotifierWatcher owns its name
 * on the session bus, else AWT {@code SystemTray} when supported, else none. Stateless.
 *
 * <p>Threading: call {@link #open} off the FX thread if possible (it talks to the bus and may start
 * AWT); it never throws: any failure falls through to the next backend and is logged.
 */
public final class TrayBackends {

    private static final Logger LOG = Logger.getLogger(TrayBackends.class.getName());

    private TrayBackends() {
    }

    /** The backend for these facts about the desktop. */
    public static TrayBackend.Kind choose(boolean watcherPresent, boolean awtTraySupported) {
        if (watcherPresent) {
            return TrayBackend.Kind.STATUS_NOTIFIER;
        }
        return awtTraySupported ? TrayBackend.Kind.AWT : TrayBackend.Kind.NONE;
    }

    /** Opens the best backend on the session bus ({@code DBUS_SESSION_BUS_ADDRESS}) and display. */
    public static TrayBackend open(TrayState initial, TrayActions actions) {
        return open(Optional.empty(), initial, actions);
    }

    /** Opens the best backend, using the bus at {@code busAddress} when given instead of the session bus. */
    public static TrayBackend open(Optional<String> busAddress, TrayState initial, TrayActions actions) {
        Optional<DBusConnection> bus = SessionBus.connect(busAddress);
        boolean watcher = bus.map(StatusNotifierTray::watcherPresent).orElse(false);
        TrayBackend.Kind kind = choose(watcher, !watcher && awtTraySupported());
        if (kind == TrayBackend.Kind.STATUS_NOTIFIER) {
            try {
                return StatusNotifierTray.open(bus.orElseThrow(), initial, actions);
            } catch (DBusException e) {
                LOG.log(Level.WARNING, "Could not export the tray item on the session bus", e);
                kind = choose(false, awtTraySupported());
            }
        }
        bus.ifPresent(TrayBackends::closeQuietly);
        if (kind == TrayBackend.Kind.AWT) {
            try {
                return AwtTray.open(initial, actions);
            } catch (AWTException | RuntimeException e) {
                LOG.log(Level.WARNING, "Could not add the tray icon", e);
            }
        }
        LOG.info("No system tray on this desktop; closing the window quits the app");
        return new NoTray();
    }

    private static boolean awtTraySupported() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | Error e) {
            LOG.log(Level.FINE, "AWT is not available", e);
            return false;
        }
    }

    private static void closeQuietly(DBusConnection connection) {
        try {
            connection.close();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing the bus connection failed", e);
        }
    }
}
