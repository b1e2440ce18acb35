package dev.roadwarrior.ui.notify;

import dev.roadwarrior.ui.dbus.SessionBus;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * Desktop notifications through {@code org.freedesktop.Notifications} on the session bus. Each notice
 * replaces the previous one ({@code replaces_id}) until the user closes it. When no bus or no
 * notification server is there, it logs that once and then shows nothing.
 *
 * <p>Owns a private bus connection and one daemon thread ("roadwarrior-notify") that makes the D-Bus
 * calls, so {@link #show} never blocks the caller; the last notification id lives on that thread.
 */
public final class DesktopNotifier implements Notifier, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DesktopNotifier.class.getName());
    private static final byte URGENCY_NORMAL = 1;
    private static final byte URGENCY_CRITICAL = 2;
    private static final int DEFAULT_TIMEOUT = -1;

    private final Optional<DBusConnection> bus;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roadwarrior-notify");
        t.setDaemon(true);
        return t;
    });
    private long lastId;
    private boolean absenceLogged;

    private DesktopNotifier(Optional<DBusConnection> bus) {
        this.bus = bus;
    }

    /** A notifier on the session bus ({@code DBUS_SESSION_BUS_ADDRESS}). */
    public static DesktopNotifier open() {
        return open(Optional.empty());
    }

    /** A notifier on the bus at {@code busAddress} when given, else on the session bus. Never throws. */
    public static DesktopNotifier open(Optional<String> busAddress) {
        Optional<DBusConnection> bus = SessionBus.connect(busAddress);
        DesktopNotifier notifier = new DesktopNotifier(bus);
        bus.ifPresent(notifier::listenForClosed);
        return notifier;
    }

    @Override
    public void show(Notice notice) {
        onThread(() -> send(notice));
    }

    /** Stops the thread (after the notices already queued) and closes the bus connection. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        bus.ifPresent(c -> {
            try {
                c.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "Closing the notification bus connection failed", e);
            }
        });
    }

    private void send(Notice notice) {
        if (bus.isEmpty() || !serverPresent(bus.get())) {
            if (!absenceLogged) {
                absenceLogged = true;
                LOG.info("No desktop notification server on the session bus; notifications are not shown");
            }
            return;
        }
        try {
            Notifications server = bus.get().getRemoteObject(Notifications.BUS_NAME, Notifications.PATH,
                    Notifications.class);
            byte urgency = notice.kind() == Notice.Kind.FAILED ? URGENCY_CRITICAL : URGENCY_NORMAL;
            Map<String, Variant<?>> hints = Map.of(
                    "category", new Variant<>(notice.kind().category()),
                    "urgency", new Variant<>(urgency),
                    "desktop-entry", new Variant<>("roadwarrior"));
            UInt32 id = server.Notify(NoticeTexts.appName(), new UInt32(lastId), notice.kind().icon(),
                    NoticeTexts.summary(notice), NoticeTexts.body(notice), List.of(), hints, DEFAULT_TIMEOUT);
            lastId = id.longValue();
        } catch (DBusException | DBusExecutionException e) {
            LOG.log(Level.WARNING, "The notification server refused a notification", e);
        }
    }

    private void listenForClosed(DBusConnection connection) {
        try {
            connection.addSigHandler(Notifications.NotificationClosed.class,
                    closed -> onThread(() -> {
                        if (closed.id.longValue() == lastId) {
                            lastId = 0;
                        }
                    }));
        } catch (DBusException e) {
            LOG.log(Level.FINE, "Cannot watch for closed notifications", e);
        }
    }

    private void onThread(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Notifier closed; dropped a notice", e);
        }
    }

    private static boolean serverPresent(DBusConnection connection) {
        try {
            return connection.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class)
                    .NameHasOwner(Notifications.BUS_NAME);
        } catch (DBusException | DBusExecutionException e) {
            LOG.log(Level.FINE, "Could not ask the bus for a notification server", e);
            return false;
        }
    }
}
