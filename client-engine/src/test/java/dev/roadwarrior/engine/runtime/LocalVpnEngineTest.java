package dev.roadwarrior.engine.runtime;

import static dev.roadwarrior.engine.runtime.FakeGateway.marked;
import static dev.roadwarrior.engine.runtime.ScriptedSession.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.api.WarningReason;
import dev.roadwarrior.engine.esp.UdpEncapsulation;
import dev.roadwarrior.engine.ike.EspActivity;
import java.io.IOException;
import dev.roadwarrior.engine.time.EngineClock;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime against a scripted IKE session, a loopback gateway and an in-memory host. */
class LocalVpnEngineTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final AtomicReference<ScriptedSession> session = new AtomicReference<>();
    private final RecordingConfigurator configurator = new RecordingConfigurator();
    private final RecordingListener listener = new RecordingListener();
    private FakeGateway gateway;
    private LocalVpnEngine engine;

    @BeforeEach
    void setUp() throws IOException {
        gateway = new FakeGateway();
        engine = engine(ScriptedSession.Mode.NORMAL, clock::get);
    }

    @AfterEach
    void tearDown() throws Exception {
        engine.disconnect();
        engine.terminated().get(20, TimeUnit.SECONDS);
        gateway.close();
    }

    private LocalVpnEngine engine(ScriptedSession.Mode mode, LongSupplier millis) {
        InetSocketAddress any = new InetSocketAddress(0);
        return new LocalVpnEngine((request, localIke, localNatt, gw) -> {
            ScriptedSession s = new ScriptedSession(mode, localIke, localNatt, gw);
            session.set(s);
            return s;
        }, configurator, new EngineClock(millis, InstantSource.system()), any, any);
    }

    private ConnectRequest request(String host, int keepaliveSeconds) {
        return new ConnectRequest("test", host, gateway.ike.getLocalPort(),
                new ConnectRequest.Phase1(ConnectRequest.ExchangeMode.MAIN, ConnectRequest.AuthMethod.PSK,
                        new ConnectRequest.Identity(ConnectRequest.IdentityType.ANY, ""),
                        new ConnectRequest.Identity(ConnectRequest.IdentityType.ANY, ""), List.of(), 0, 0),
                new ConnectRequest.Phase2(List.of(), Optional.empty(), 0, 0),
                new ConnectRequest.Credentials(new byte[] {1, 2, 3}, Optional.empty(),
                        Optional.empty()),
                new ConnectRequest.Transport(ConnectRequest.NatTraversalMode.ENABLE, gateway.natt.getLocalPort(),
                        keepaliveSeconds, ConnectRequest.FragmentationMode.DISABLE, 1400, false),
                new ConnectRequest.HostConfig(ConnectRequest.ModeConfigMode.PULL, Optional.empty(), 0,
                        1400, true, List.of(), true, Optional.empty(), List.of(), true, List.of(),
                        List.of(), false));
    }

    /** Runs the script up to the tunnel being up. */
    private ConnectRequest connectAndBringUp(int keepaliveSeconds) throws Exception {
        ConnectRequest request = request("127.0.0.1", keepaliveSeconds);
        engine.connect(request, listener);
        assertArrayEquals(message("HELLO-IKE"), gateway.receiveIke());
        gateway.sendIke(message("REPLY-IKE"));
        assertArrayEquals(marked(message("HELLO-NATT")), gateway.receiveNatt());
        gateway.sendNattIke(message("REPLY-NATT"));
        listener.await(EngineEvent.TunnelUp.class);
        listener.awaitState(ConnectionState.CONNECTED);
        return request;
    }

    private void awaitTermination() throws Exception {
        engine.terminated().get(20, TimeUnit.SECONDS);
    }

    private static byte[] ipv4(int length, long seed) {
        byte[] p = new byte[length];
        new Random(seed).nextBytes(p);
        p[0] = 0x45;
        p[2] = (byte) (length >>> 8);
        p[3] = (byte) length;
        return p;
    }

    private static FailureReason failure(EngineEvent event) {
        return assertInstanceOf(EngineEvent.Failed.class, event).error().reason();
    }

    @Test
    void ikeReachesTheGatewayAndTheSessionLearnsTheSocketAddresses() throws Exception {
        connectAndBringUp(0);

        ScriptedSession s = session.get();
        assertEquals(new InetSocketAddress("127.0.0.1", gateway.ike.getLocalPort()), s.gateway);
        assertEquals(gateway.clientIke(), s.localIke);
        assertEquals(gateway.clientNatt(), s.localNatt);
        assertEquals(List.of("recoverLeftovers", "openTun rw 1400", "apply rw0"), configurator.calls);
        assertEquals(ScriptedSession.CONFIG, configurator.applied);
        assertEquals(ConnectionState.CONNECTED, engine.state());
        assertEquals(List.of(new EngineEvent.StateChanged(ConnectionState.CONNECTING),
                new EngineEvent.Progress(ProgressStep.RESOLVING, "127.0.0.1")), listener.events.subList(0, 2));
    }

    @Test
    void anAnswerToAPromptReachesTheSessionOnTheEngineThread() throws Exception {
        engine.connect(request("127.0.0.1", 0), listener);
        assertArrayEquals(message("HELLO-IKE"), gateway.receiveIke());
        gateway.sendIke(message("PROMPT"));
        EngineEvent.CredentialsRequired prompt = listener.await(EngineEvent.CredentialsRequired.class);
        assertEquals(List.of(CredentialKind.PASSCODE), prompt.fields());

        char[] code = "123456".toCharArray();
        engine.answer(prompt.promptId(), Map.of(CredentialKind.PASSCODE, code));

        ScriptedSession s = session.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (s.answers.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("p1=123456"), s.answers);
        assertArrayEquals(new char[6], code, "wiped after use");
    }

    @Test
    void anAnswerWithoutAConnectionIsWiped() {
        char[] code = "123456".toCharArray();
        engine.answer("p1", Map.of(CredentialKind.PASSCODE, code));
        assertArrayEquals(new char[6], code);
    }

    @Test
    void splitDnsTheHostCannotRouteIsAWarning() throws Exception {
        configurator.routesDnsByDomain = false;
        session.set(null);
        engine = new LocalVpnEngine((request, localIke, localNatt, gw) -> {
            ScriptedSession s = new ScriptedSession(ScriptedSession.Mode.NORMAL, localIke, localNatt, gw,
                    ScriptedSession.SPLIT_DNS_CONFIG);
            session.set(s);
            return s;
        }, configurator, new EngineClock(clock::get, InstantSource.system()), new InetSocketAddress(0), new InetSocketAddress(0));
        connectAndBringUp(0);
        EngineEvent.Warning w = listener.events.stream().filter(EngineEvent.Warning.class::isInstance)
                .map(EngineEvent.Warning.class::cast).findFirst().orElseThrow();
        int warning = listener.events.indexOf(w);
        assertTrue(warning < listener.events.indexOf(listener.events.stream()
                .filter(EngineEvent.TunnelUp.class::isInstance).findFirst().orElseThrow()), "before TunnelUp");
        assertEquals(WarningReason.SPLIT_DNS_NOT_ROUTED, w.reason());
        assertTrue(w.detail().contains("corp.example"), w.detail());
    }

    @Test
    void packetFromTheTunReachesTheGatewayAsEsp() throws Exception {
        connectAndBringUp(0);
        byte[] packet = ipv4(100, 1);

        configurator.tun.inject(packet);

        byte[] esp = gateway.receiveNatt();
        assertEquals(ScriptedSession.OUTBOUND_SPI, ByteBuffer.wrap(esp).getInt(0));
        assertArrayEquals(packet, gateway.open(esp));
    }

    @Test
    void espFromTheGatewayAppearsOnTheTun() throws Exception {
        connectAndBringUp(0);
        byte[] packet = ipv4(300, 2);

        gateway.sendEsp(packet);

        assertArrayEquals(packet, configurator.tun.written.poll(10, TimeUnit.SECONDS));
        ConnectionStatistics stats = engine.statistics().orElseThrow();
        assertEquals(1, stats.packetsIn());
        assertEquals(300, stats.bytesIn());
        assertEquals(ScriptedSession.ALGORITHMS, stats.algorithms());
        assertEquals(ScriptedSession.CONFIG.address(), stats.virtualAddress());
    }

    @Test
    void uptimeFollowsTheClock() throws Exception {
        connectAndBringUp(0);

        clock.addAndGet(1234);

        assertEquals(Duration.ofMillis(1234), engine.statistics().orElseThrow().uptime());
    }

    @Test
    void whileUpListenersGetStatisticsAndALateObserverHearsThePresent() throws Exception {
        engine = engine(ScriptedSession.Mode.NORMAL, () -> System.nanoTime() / 1_000_000);
        connectAndBringUp(0);

        EngineEvent.Statistics first = listener.await(EngineEvent.Statistics.class);
        assertTrue(first.statistics().natTraversal(), "the script moved to the NAT-T port");
        assertEquals(Optional.empty(), first.statistics().nextRekey(), "no lifetimes, no rekey");

        List<String> names = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<EngineEvent> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
        VpnEngine.Attachment attachment = engine.attach((name, event) -> {
            names.add(name);
            observed.add(event);
        });
        assertInstanceOf(EngineEvent.TunnelUp.class, observed.get(0));
        assertEquals(new EngineEvent.StateChanged(ConnectionState.CONNECTED), observed.get(1));
        assertInstanceOf(EngineEvent.Statistics.class, observed.get(2));
        assertEquals(List.of("test", "test", "test"), names);

        listener.await(EngineEvent.Statistics.class);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (observed.size() < 4 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertInstanceOf(EngineEvent.Statistics.class, observed.get(3), "later events follow the present");
        attachment.close();
        engine.disconnect();
        awaitTermination();
        assertFalse(observed.stream().anyMatch(e -> e instanceof EngineEvent.Disconnected), "closed: no more events");
    }

    @Test
    void sendsNatKeepalives() throws Exception {
        engine = engine(ScriptedSession.Mode.NORMAL, () -> System.nanoTime() / 1_000_000);
        connectAndBringUp(1);

        byte[] datagram;
        do {
            datagram = gateway.receiveNattRaw();
        } while (datagram.length != 1);

        assertArrayEquals(new byte[] {UdpEncapsulation.KEEPALIVE_BYTE}, datagram);
    }

    @Test
    void disconnectDeletesAtTheGatewayAndRestoresTheHost() throws Exception {
        ConnectRequest request = connectAndBringUp(0);

        engine.disconnect();
        engine.disconnect();

        assertArrayEquals(marked(message("DELETE")), gateway.receiveNatt());
        awaitTermination();
        assertEquals(List.of("recoverLeftovers", "openTun rw 1400", "apply rw0", "revert"), configurator.calls);
        assertTrue(configurator.tun.isClosed());
        assertEquals(List.of(ConnectionState.CONNECTING, ConnectionState.CONNECTED, ConnectionState.DISCONNECTING,
                ConnectionState.DISCONNECTED), listener.states());
        assertInstanceOf(EngineEvent.Disconnected.class, listener.last());
        assertEquals(1, listener.events.stream().filter(EngineEvent.Disconnected.class::isInstance).count());
        assertTrue(listener.threads.stream().allMatch("rw-ike"::equals), listener.threads.toString());
        assertEquals(ConnectionState.DISCONNECTED, engine.state());
        assertTrue(engine.statistics().isEmpty());
        assertArrayEquals(new byte[3], request.credentials().preSharedKey());
    }

    @Test
    void hostConfigurationFailureFailsAndRestoresTheHost() throws Exception {
        configurator.applyFailure = new IOException("route refused");
        engine.connect(request("127.0.0.1", 0), listener);
        gateway.receiveIke();
        gateway.sendIke(message("REPLY-IKE"));
        gateway.receiveNatt();

        gateway.sendNattIke(message("REPLY-NATT"));

        assertArrayEquals(marked(message("DELETE")), gateway.receiveNatt());
        awaitTermination();
        assertEquals(FailureReason.HOST_CONFIGURATION_FAILED, failure(listener.last()));
        assertFalse(listener.events.stream().anyMatch(EngineEvent.TunnelUp.class::isInstance));
        assertFalse(listener.states().contains(ConnectionState.CONNECTED));
        assertEquals("revert", configurator.calls.get(configurator.calls.size() - 1));
        assertTrue(configurator.tun.isClosed());
    }

    @Test
    void gatewayFailureRestoresTheHost() throws Exception {
        connectAndBringUp(0);

        gateway.sendNattIke(message("FAIL"));

        awaitTermination();
        assertEquals(FailureReason.DELETED_BY_GATEWAY, failure(listener.last()));
        assertTrue(configurator.calls.contains("revert"));
        assertTrue(configurator.tun.isClosed());
    }

    @Test
    void unknownGatewayHostFails() throws Exception {
        engine.connect(request("no-such-gateway.invalid", 0), listener);

        awaitTermination();
        assertEquals(List.of(new EngineEvent.StateChanged(ConnectionState.CONNECTING),
                new EngineEvent.Progress(ProgressStep.RESOLVING, "no-such-gateway.invalid"),
                new EngineEvent.StateChanged(ConnectionState.DISCONNECTED)), listener.events.subList(0, 3));
        assertEquals(FailureReason.GATEWAY_UNKNOWN_HOST, failure(listener.last()));
        assertEquals(4, listener.events.size());
        assertNull(session.get());
        assertEquals(List.of("recoverLeftovers"), configurator.calls);
    }

    @Test
    void espWithoutUdpEncapsulationIsNotSupported() throws Exception {
        engine = engine(ScriptedSession.Mode.NO_NATT, clock::get);
        engine.connect(request("127.0.0.1", 0), listener);
        gateway.receiveIke();

        gateway.sendIke(message("REPLY-IKE"));

        assertArrayEquals(message("DELETE"), gateway.receiveIke());
        awaitTermination();
        assertEquals(FailureReason.NOT_SUPPORTED, failure(listener.last()));
        assertEquals(List.of("recoverLeftovers"), configurator.calls);
    }

    @Test
    void garbageDoesNotStopTheLoop() throws Exception {
        engine.connect(request("127.0.0.1", 0), listener);
        gateway.receiveIke();
        gateway.sendIke(ipv4(40, 3)); // the session throws on it
        gateway.sendIke(message("REPLY-IKE"));
        gateway.receiveNatt();
        gateway.sendNattRaw(new byte[] {1}); // neither keepalive nor anything else
        gateway.sendNattRaw(new byte[] {UdpEncapsulation.KEEPALIVE_BYTE});
        gateway.sendNattRaw(new byte[5]);
        gateway.sendNattIke(message("NONSENSE")); // the session throws on it
        gateway.sendNattRaw(ipv4(60, 4)); // ESP with an unknown SPI, before the tunnel is up
        gateway.sendNattIke(message("REPLY-NATT"));
        listener.await(EngineEvent.TunnelUp.class);
        byte[] corrupt = gateway.seal(ipv4(80, 5));
        corrupt[corrupt.length - 1] ^= 1;
        byte[] packet = ipv4(80, 6);

        gateway.sendNattRaw(corrupt);
        gateway.sendEsp(packet);

        assertArrayEquals(packet, configurator.tun.written.poll(10, TimeUnit.SECONDS));
        ConnectionStatistics stats = engine.statistics().orElseThrow();
        assertEquals(1, stats.packetsIn());
        assertEquals(1, stats.packetsDropped());
    }

    @Test
    void disconnectGivesUpOnASessionThatDoesNotFinish() throws Exception {
        engine = engine(ScriptedSession.Mode.IGNORES_DISCONNECT, clock::get);
        connectAndBringUp(0);
        engine.disconnect();
        listener.awaitState(ConnectionState.DISCONNECTING); // the grace period has started

        clock.addAndGet(Connection.DISCONNECT_GRACE_MILLIS);
        engine.disconnect(); // wakes the loop

        awaitTermination();
        assertInstanceOf(EngineEvent.Disconnected.class, listener.last());
        assertTrue(configurator.calls.contains("revert"));
    }

    @Test
    void disconnectWhileConnectingEndsWithoutTouchingTheHost() throws Exception {
        engine.connect(request("127.0.0.1", 0), listener);
        gateway.receiveIke();

        engine.disconnect();

        assertArrayEquals(message("DELETE"), gateway.receiveIke());
        awaitTermination();
        assertInstanceOf(EngineEvent.Disconnected.class, listener.last());
        assertEquals(List.of("recoverLeftovers"), configurator.calls);
    }

    @Test
    void oneConnectionAtATime() throws Exception {
        assertTrue(engine.terminated().isDone());
        engine.disconnect(); // nothing to disconnect
        engine.connect(request("127.0.0.1", 0), listener);

        assertThrows(IllegalStateException.class, () -> engine.connect(request("127.0.0.1", 0), listener));

        gateway.receiveIke();
        engine.disconnect();
        assertArrayEquals(message("DELETE"), gateway.receiveIke());
        awaitTermination();
        RecordingListener second = new RecordingListener();
        engine.connect(request("127.0.0.1", 0), second);
        assertArrayEquals(message("HELLO-IKE"), gateway.receiveIke());
    }

    @Test
    void aRenewedSaPairCarriesTrafficOnlyOnceActivated() throws Exception {
        connectAndBringUp(0);
        gateway.sendNattIke(message("REKEY"));
        configurator.tun.inject(ipv4(100, 7));
        assertEquals(ScriptedSession.OUTBOUND_SPI, ByteBuffer.wrap(gateway.receiveNatt()).getInt(0), "not yet");

        gateway.sendNattIke(message("ACTIVATE"));

        int spi = 0;
        for (int i = 0; i < 100 && spi != ScriptedSession.NEW_OUTBOUND_SPI; i++) {
            configurator.tun.inject(ipv4(100, 8));
            spi = ByteBuffer.wrap(gateway.receiveNatt()).getInt(0);
        }
        assertEquals(ScriptedSession.NEW_OUTBOUND_SPI, spi);
    }

    @Test
    void otherSettingsAfterAReconnectConfigureTheHostAgain() throws Exception {
        connectAndBringUp(0);

        gateway.sendNattIke(message("RECONFIGURE"));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (listener.events.stream().filter(EngineEvent.TunnelUp.class::isInstance).count() < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("recoverLeftovers", "openTun rw 1400", "apply rw0", "revert", "openTun rw 1400",
                "apply rw0"), configurator.calls);
        assertEquals(ScriptedSession.OTHER_CONFIG, configurator.applied);
        assertEquals(ScriptedSession.OTHER_CONFIG.address(), engine.statistics().orElseThrow().virtualAddress());
    }

    @Test
    void theSessionGetsNewSocketsFromNewPortsWhenItAsks() throws Exception {
        connectAndBringUp(0);
        java.net.SocketAddress before = gateway.clientIke();

        gateway.sendNattIke(message("REOPEN"));

        assertArrayEquals(message("HELLO-AGAIN"), gateway.receiveIke());
        assertTrue(!before.equals(gateway.clientIke()), before + " then " + gateway.clientIke());
        assertEquals(1, session.get().reopened.size());
        assertTrue(session.get().reopened.get(0).startsWith("/127.0.0.1:"), session.get().reopened.toString());
    }

    @Test
    void theSessionHearsWhatTheDataPlaneSawEverySecond() throws Exception {
        engine = engine(ScriptedSession.Mode.NORMAL, () -> System.nanoTime() / 1_000_000);
        connectAndBringUp(0);
        gateway.sendEsp(ipv4(300, 9));
        configurator.tun.written.poll(10, TimeUnit.SECONDS);
        configurator.tun.inject(ipv4(200, 10));
        gateway.receiveNatt();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        EspActivity seen = null;
        while (System.nanoTime() < deadline && (seen == null || seen.lastOutboundMillis() == Long.MIN_VALUE)) {
            List<EspActivity> reports = session.get().activity;
            seen = reports.isEmpty() ? null : reports.get(reports.size() - 1);
            Thread.sleep(50);
        }
        assertTrue(seen != null && seen.lastInboundMillis() != Long.MIN_VALUE, String.valueOf(seen));
        assertTrue(seen.lastOutboundMillis() != Long.MIN_VALUE, String.valueOf(seen));
        assertEquals(300L, seen.inboundBytes().get(ScriptedSession.INBOUND_SPI));
        assertEquals(200L, seen.outboundBytes().get(ScriptedSession.OUTBOUND_SPI));
    }
}
