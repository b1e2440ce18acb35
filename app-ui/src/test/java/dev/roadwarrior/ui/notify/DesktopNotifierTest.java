package dev.roadwarrior.ui.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.roadwarrior.ui.tray.PrivateBus;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notifications against a fake notification server on a private bus. */
class DesktopNotifierTest {

    @TempDir
    Path dir;
    private PrivateBus bus;

    @BeforeEach
    void start() throws Exception {
        bus = PrivateBus.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        bus.close();
    }

    @Test
    void eachNoticeHasItsCategoryIconAndTextAndReplacesThePreviousOne() throws Exception {
        try (FakeNotificationServer server = FakeNotificationServer.start(bus);
             DesktopNotifier notifier = DesktopNotifier.open(Optional.of(bus.address()))) {
            notifier.show(new Notice(Notice.Kind.CONNECTED, "office", "10.3.0.5"));
            FakeNotificationServer.Call connected = server.next();
            assertNotNull(connected);
            assertEquals("Roadwarrior", connected.appName());
            assertEquals(0, connected.replacesId());
            assertEquals("roadwarrior-connected", connected.icon());
            assertEquals("Connected to office", connected.summary());
            assertEquals("Virtual address 10.3.0.5", connected.body());
            assertEquals("network.connected", connected.hint("category"));
            assertEquals((byte) 1, connected.hint("urgency"));
            assertEquals("roadwarrior", connected.hint("desktop-entry"));

            notifier.show(new Notice(Notice.Kind.RECONNECTING, "office", ""));
            FakeNotificationServer.Call reconnecting = server.next();
            assertEquals(connected.returnedId(), reconnecting.replacesId());
            assertEquals("network", reconnecting.hint("category"));
            assertEquals("roadwarrior-connecting", reconnecting.icon());
            assertEquals("Reconnecting to office", reconnecting.summary());

            notifier.show(new Notice(Notice.Kind.FAILED, "office", "The gateway did not answer."));
            FakeNotificationServer.Call failed = server.next();
            assertEquals(connected.returnedId(), failed.replacesId());
            assertEquals("network.error", failed.hint("category"));
            assertEquals((byte) 2, failed.hint("urgency"));
            assertEquals("Could not connect to office", failed.summary());
            assertEquals("The gateway did not answer.", failed.body());

            notifier.show(new Notice(Notice.Kind.DISCONNECTED, "office", ""));
            FakeNotificationServer.Call disconnected = server.next();
            assertEquals(connected.returnedId(), disconnected.replacesId());
            assertEquals("network.disconnected", disconnected.hint("category"));
            assertEquals("roadwarrior-disconnected", disconnected.icon());
            assertEquals("Disconnected from office", disconnected.summary());
        }
    }

    @Test
    void aDismissedNotificationIsNotReplaced() throws Exception {
        try (FakeNotificationServer server = FakeNotificationServer.start(bus);
             DesktopNotifier notifier = DesktopNotifier.open(Optional.of(bus.address()))) {
            notifier.show(new Notice(Notice.Kind.CONNECTED, "office", "10.3.0.5"));
            FakeNotificationServer.Call first = server.next();
            server.dismiss(first.returnedId());
            Thread.sleep(500);
            notifier.show(new Notice(Notice.Kind.DISCONNECTED, "office", ""));
            assertEquals(0, server.next().replacesId());
        }
    }

    @Test
    void withoutAServerItLogsOnceAndShowsNothingUntilOneAppears() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(DesktopNotifier.class.getName());
        logger.addHandler(handler);
        try (DesktopNotifier notifier = DesktopNotifier.open(Optional.of(bus.address()))) {
            notifier.show(new Notice(Notice.Kind.CONNECTED, "office", "10.3.0.5"));
            notifier.show(new Notice(Notice.Kind.DISCONNECTED, "office", ""));
            Thread.sleep(1000);
            assertEquals(1, records.stream().filter(r -> r.getMessage().startsWith("No desktop notification")).count());
            try (FakeNotificationServer server = FakeNotificationServer.start(bus)) {
                assertNull(server.nextSoon(), "earlier notices are not replayed");
                notifier.show(new Notice(Notice.Kind.CONNECTED, "home", "10.9.0.2"));
                assertEquals("Connected to home", server.next().summary());
            }
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void withoutABusNothingFails() {
        try (DesktopNotifier notifier = DesktopNotifier.open(Optional.of("unix:path=" + dir.resolve("none")))) {
            notifier.show(new Notice(Notice.Kind.FAILED, "office", "The gateway did not answer."));
        }
    }
}
