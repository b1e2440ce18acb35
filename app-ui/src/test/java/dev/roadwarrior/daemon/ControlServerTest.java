package dev.roadwarrior.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.connect.ConnectRequests;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.ipc.ControlClient;
import dev.roadwarrior.ipc.ControlCodec;
import dev.roadwarrior.ipc.ControlMessage.ErrorCode;
import dev.roadwarrior.ipc.ControlMessage.ErrorReply;
import dev.roadwarrior.ipc.ControlMessage.Event;
import dev.roadwarrior.ipc.ControlMessage.FromService;
import dev.roadwarrior.ipc.ControlMessage.Hello;
import dev.roadwarrior.ipc.ControlMessage.Status;
import dev.roadwarrior.ipc.ControlMessage.StatusReply;
import dev.roadwarrior.ipc.RemoteVpnEngine;
import dev.roadwarrior.ipc.ServiceException;
import dev.roadwarrior.platform.linux.UnixSocketConnection;
import dev.roadwarrior.platform.linux.UnixSocketServer;
import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's socket end to end, with a fake engine: {@link RemoteVpnEngine} and raw clients
 * against {@link ControlServer} and {@link DaemonCore}. The socket's group is this user's, so the
 * test needs no privileges.
 */
class ControlServerTest {

    @TempDir
    Path temp;

    private final FakeEngine engine = new FakeEngine();
    private Path socket;
    private ControlServer server;
    private ImportResult lab;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final DaemonLogging.LineFormatter format = new DaemonLogging.LineFormatter(false);

        @Override
        public void publish(LogRecord record) {
            log.add(format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        Logger.getLogger("dev.roadwarrior").setLevel(Level.ALL);
        Logger.getLogger("dev.roadwarrior").addHandler(capture);
        socket = temp.resolve("rw.sock");
        String group = Files.readAttributes(temp, PosixFileAttributes.class).group().getName();
        server = ControlServer.start(socket, new DaemonCore(engine, ConnectMapping::toRequest,
            new KillSwitchGuard(new FakeKillSwitch(), false)), "test", group);
        lab = TestProfiles.lab(temp);
    }

    @AfterEach
    void stop() {
        server.close();
        Logger.getLogger("dev.roadwarrior").removeHandler(capture);
        Logger.getLogger("dev.roadwarrior").setLevel(null);
    }

    @Test
    void aLateClientAttachesToTheRunningConnectionSeesItsCountersAndDisconnectsIt() throws Exception {
        try (RemoteVpnEngine starter = RemoteVpnEngine.open(socket, name -> lab.profile())) {
            starter.connect(request(), e -> { });
            waitFor(() -> engine.requests.size() == 1);
            engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTING));
            engine.emit(new EngineEvent.TunnelUp(config(), "IKE AES-256"));
            engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
            engine.emit(new EngineEvent.Statistics(new ConnectionStatistics(84, 1, 84, 1, 0, Duration.ofSeconds(3),
                    "IKE AES-256", Ipv4Network.parseAddress("10.88.0.1"), true, true, Optional.empty())));

            List<String> seen = new CopyOnWriteArrayList<>();
            List<EngineEvent> events = new CopyOnWriteArrayList<>();
            try (RemoteVpnEngine tray = RemoteVpnEngine.open(socket, name -> lab.profile())) {
                tray.attach((connection, event) -> {
                    seen.add(connection);
                    events.add(event);
                });
                waitFor(() -> events.size() == 3);
                assertEquals(config(), ((EngineEvent.TunnelUp) events.get(0)).config());
                assertEquals(new EngineEvent.StateChanged(ConnectionState.CONNECTED), events.get(1));
                assertEquals(84, ((EngineEvent.Statistics) events.get(2)).statistics().bytesIn());
                assertTrue(((EngineEvent.Statistics) events.get(2)).statistics().natTraversal());
                assertEquals(List.of("lab", "lab", "lab"), seen);

                engine.emit(new EngineEvent.Statistics(new ConnectionStatistics(168, 2, 84, 1, 0, Duration.ofSeconds(4),
                        "IKE AES-256", Ipv4Network.parseAddress("10.88.0.1"), true, true, Optional.empty())));
                waitFor(() -> events.size() == 4);
                assertEquals(168, ((EngineEvent.Statistics) events.get(3)).statistics().bytesIn());

                tray.disconnect();
                waitFor(() -> engine.disconnects.get() == 1);
                engine.emit(new EngineEvent.StateChanged(ConnectionState.DISCONNECTED));
                engine.emit(new EngineEvent.Disconnected());
                waitFor(() -> events.size() == 6);
                assertEquals(new EngineEvent.Disconnected(), events.get(5));
            }
        }
    }

    @Test
    void theRemoteEngineConnectsSeesEventsAndCountersAndLogsNoSecret() throws Exception {
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        List<EngineEvent> events = new CopyOnWriteArrayList<>();
        try (RemoteVpnEngine remote = RemoteVpnEngine.open(socket, name -> lab.profile())) {
            remote.connect(request(), events::add);
            waitFor(() -> engine.requests.size() == 1);
            ConnectRequest sent = engine.requests.get(0);
            assertEquals(TestProfiles.GROUP_PASSWORD, new String(sent.credentials().preSharedKey(), StandardCharsets.UTF_8));
            assertEquals(TestProfiles.PASSWORD, new String(sent.credentials().xauthPassword().orElseThrow()));

            engine.emit(new EngineEvent.Progress(ProgressStep.GATEWAY_REACHED, "203.0.113.2"));
            engine.emit(new EngineEvent.CredentialsRequired("p1", List.of(CredentialKind.PASSCODE), "code", "", false));
            waitFor(() -> events.size() == 2);
            assertEquals(new EngineEvent.Progress(ProgressStep.GATEWAY_REACHED, "203.0.113.2"), events.get(0));
            remote.answer("p1", new java.util.EnumMap<>(Map.of(CredentialKind.PASSCODE, "123456".toCharArray())));
            waitFor(() -> engine.answers.size() == 1);
            assertEquals("123456", new String(engine.answers.get(0).get(CredentialKind.PASSCODE)));

            engine.emit(new EngineEvent.TunnelUp(config(), "IKE AES-256"));
            engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
            engine.statistics = Optional.of(new ConnectionStatistics(84, 1, 84, 1, 0, Duration.ofSeconds(3),
                    "IKE AES-256", Ipv4Network.parseAddress("10.88.0.1"), true, false, Optional.empty()));
            waitFor(() -> events.size() == 4);
            assertEquals(config(), ((EngineEvent.TunnelUp) events.get(2)).config());
            assertEquals(ConnectionState.CONNECTED, remote.state());
            assertEquals(1, remote.statistics().orElseThrow().packetsIn());

            remote.disconnect();
            waitFor(() -> engine.disconnects.get() == 1);
            engine.emit(new EngineEvent.Disconnected());
            remote.terminated().get(5, TimeUnit.SECONDS);
            assertEquals(new EngineEvent.Disconnected(), events.get(events.size() - 1));
        }
        String all = String.join("", log);
        assertTrue(all.contains("lab: connecting to 203.0.113.2"), all);
        for (String secret : List.of(TestProfiles.GROUP_PASSWORD, TestProfiles.PASSWORD, "123456",
                "cndncm91cC1zZWNyZXQ=")) {
            assertFalse(all.contains(secret), "a secret in the log: " + all);
        }
    }

    @Test
    void aClientThatDiesMidConnectCancelsItAndTheServiceGoesOn() throws Exception {
        try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(socket));
            InputStream in = new BufferedInputStream(Channels.newInputStream(raw));
            assertTrue(ControlCodec.decodeFromService(ControlCodec.readLine(in)) instanceof Hello);
            raw.write(ByteBuffer.wrap((ControlCodec.encode(TestProfiles.connect(temp, 1)) + "\n")
                    .getBytes(StandardCharsets.UTF_8)));
            waitFor(() -> engine.requests.size() == 1);
        }
        waitFor(() -> engine.disconnects.get() == 1);
        engine.emit(new EngineEvent.Failed(new dev.roadwarrior.engine.api.ConnectException(
                dev.roadwarrior.engine.api.FailureReason.CANCELLED, "")));
        try (ControlClient client = ControlClient.open(socket, ignore())) {
            assertEquals(Optional.empty(), ((StatusReply) client.call(Status::new)).connection());
        }
    }

    @Test
    void badLinesGetErrorsAndAnOverlongLineEndsTheClient() throws Exception {
        try (SocketChannel raw = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            raw.connect(UnixDomainSocketAddress.of(socket));
            InputStream in = new BufferedInputStream(Channels.newInputStream(raw));
            ControlCodec.readLine(in); // hello
            raw.write(ByteBuffer.wrap("not json\n{\"type\":\"reboot\",\"id\":9}\n{\"type\":\"status\",\"id\":10}\n"
                    .getBytes(StandardCharsets.UTF_8)));
            assertEquals(ErrorCode.MALFORMED, ((ErrorReply) read(in)).code());
            ErrorReply unknown = (ErrorReply) read(in);
            assertEquals(ErrorCode.UNKNOWN_REQUEST, unknown.code());
            assertEquals(Optional.of(9L), unknown.id());
            assertEquals(new StatusReply(10, Optional.empty(), false), read(in));

            byte[] big = new byte[ControlCodec.MAX_LINE_BYTES + 10];
            java.util.Arrays.fill(big, (byte) 'x');
            raw.write(ByteBuffer.wrap(big));
            assertEquals(ErrorCode.LINE_TOO_LONG, ((ErrorReply) read(in)).code());
            assertEquals(null, ControlCodec.readLine(in), "the service closes the line");
        }
    }

    @Test
    void withoutAServiceTheClientSaysSoInWords() throws Exception {
        ServiceException none = assertThrows(ServiceException.class,
                () -> ControlClient.open(temp.resolve("none.sock"), ignore()));
        assertEquals(ServiceException.Reason.NOT_RUNNING, none.reason());

        Path stale = temp.resolve("stale.sock");
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(stale));
        dead.close(); // leaves the socket file, as a killed service does
        ServiceException refused = assertThrows(ServiceException.class, () -> ControlClient.open(stale, ignore()));
        assertEquals(ServiceException.Reason.NOT_RUNNING, refused.reason());
        assertTrue(dev.roadwarrior.connect.ErrorMessages.describe(refused).startsWith(
                "The Roadwarrior service is not running; start it with `sudo systemctl start roadwarrior`"));
    }

    @Test
    void anotherProtocolVersionIsRefused() throws Exception {
        Path other = temp.resolve("v2.sock");
        try (UnixSocketServer v2 = UnixSocketServer.listen(other, PosixFilePermissions.fromString("rw-------"),
                Optional.empty())) {
            Thread t = new Thread(() -> {
                try (UnixSocketConnection c = v2.accept()) {
                    ControlCodec.write(new Hello(2, "9.0"), c.outputStream());
                    c.inputStream().read();
                } catch (IOException e) {
                    // the client went away
                }
            });
            t.start();
            ServiceException e = assertThrows(ServiceException.class, () -> ControlClient.open(other, ignore()));
            assertEquals(ServiceException.Reason.PROTOCOL_MISMATCH, e.reason());
            t.join(5000);
        }
    }

    private ConnectRequest request() {
        return ConnectRequests.of(lab.profile(), lab.secrets().get(SecretKind.GROUP_PASSWORD).bytes(),
                Optional.of("alice"), Optional.of(TestProfiles.PASSWORD.toCharArray()));
    }

    private static TunnelConfig config() {
        return new TunnelConfig(Ipv4Network.parseAddress("10.88.0.1"), 24, 1380, Ipv4Network.parseAddress("203.0.113.2"),
                List.of(Ipv4Network.parse("10.77.0.0/24")), List.of(), List.of(Ipv4Network.parseAddress("10.77.0.53")),
                List.of(), List.of());
    }

    private static FromService read(InputStream in) throws Exception {
        return ControlCodec.decodeFromService(ControlCodec.readLine(in));
    }

    private static ControlClient.Listener ignore() {
        return new ControlClient.Listener() {
            @Override
            public void onEvent(Event event) {
            }

            @Override
            public void onLost(ServiceException reason) {
            }
        };
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
