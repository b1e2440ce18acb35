package dev.roadwarrior.ui.tray;

import dev.roadwarrior.ui.tray.sni.StatusNotifierWatcher;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;

/** A StatusNotifierWatcher for tests: owns the watcher's name and records each registration. */
final class FakeWatcher implements StatusNotifierWatcher, AutoCloseable {

    final BlockingQueue<String> registered = new LinkedBlockingQueue<>();
    private final DBusConnection connection;

    private FakeWatcher(DBusConnection connection) {
        this.connection = connection;
    }

    static FakeWatcher start(PrivateBus bus) throws DBusException {
        DBusConnection c = bus.connect();
        FakeWatcher watcher = new FakeWatcher(c);
        c.exportObject(PATH, watcher);
        c.requestBusName(BUS_NAME);
        return watcher;
    }

    @Override
    public void RegisterStatusNotifierItem(String service) {
        registered.add(service);
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    /** Leaves the bus, as a crashing or restarting panel does. */
    @Override
    public void close() throws IOException {
        connection.close();
    }
}
