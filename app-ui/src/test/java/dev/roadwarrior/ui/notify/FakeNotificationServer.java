package dev.roadwarrior.ui.notify;

import dev.roadwarrior.ui.tray.PrivateBus;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/** An {@code org.freedesktop.Notifications} server for tests: records each Notify, hands out ids like a real one. */
final class FakeNotificationServer implements Notifications, AutoCloseable {

    /** One recorded Notify call. */
    record Call(String appName, long replacesId, String icon, String summary, String body,
                Map<String, Variant<?>> hints, long returnedId) {

        Object hint(String name) {
            Variant<?> v = hints.get(name);
            return v == null ? null : v.getValue();
        }
    }

    private final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private final AtomicLong ids = new AtomicLong(6);
    private final DBusConnection connection;

    private FakeNotificationServer(DBusConnection connection) {
        this.connection = connection;
    }

    static FakeNotificationServer start(PrivateBus bus) throws DBusException {
        DBusConnection c = bus.connect();
        FakeNotificationServer server = new FakeNotificationServer(c);
        c.exportObject(PATH, server);
        c.requestBusName(BUS_NAME);
        return server;
    }

    @Override
    public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                         List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
        long id = replacesId.longValue() != 0 ? replacesId.longValue() : ids.incrementAndGet();
        calls.add(new Call(appName, replacesId.longValue(), appIcon, summary, body, hints, id));
        return new UInt32(id);
    }

    /** The next Notify call, waiting up to 20 s; null when none came. */
    Call next() throws InterruptedException {
        return calls.poll(20, TimeUnit.SECONDS);
    }

    /** The next Notify call if one comes within a second. */
    Call nextSoon() throws InterruptedException {
        return calls.poll(1, TimeUnit.SECONDS);
    }

    /** The user dismissed notification {@code id}. */
    void dismiss(long id) throws DBusException {
        connection.sendMessage(new NotificationClosed(PATH, new UInt32(id), new UInt32(2)));
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
