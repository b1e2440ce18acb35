package dev.roadwarrior.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.ipc.ControlMessage.Answer;
import dev.roadwarrior.ipc.ControlMessage.Connect;
import dev.roadwarrior.ipc.ControlMessage.Disconnect;
import dev.roadwarrior.ipc.ControlMessage.DisconnectedEvent;
import dev.roadwarrior.ipc.ControlMessage.ErrorCode;
import dev.roadwarrior.ipc.ControlMessage.ErrorReply;
import dev.roadwarrior.ipc.ControlMessage.FailedEvent;
import dev.roadwarrior.ipc.ControlMessage.FromService;
import dev.roadwarrior.ipc.ControlMessage.ListConnections;
import dev.roadwarrior.ipc.ControlMessage.ListReply;
import dev.roadwarrior.ipc.ControlMessage.Ok;
import dev.roadwarrior.ipc.ControlMessage.ProgressEvent;
import dev.roadwarrior.ipc.ControlMessage.PromptEvent;
import dev.roadwarrior.ipc.ControlMessage.StateEvent;
import dev.roadwarrior.ipc.ControlMessage.StatisticsEvent;
import dev.roadwarrior.ipc.ControlMessage.Status;
import dev.roadwarrior.ipc.ControlMessage.StatusReply;
import dev.roadwarrior.ipc.ControlMessage.Subscribe;
import dev.roadwarrior.ipc.ControlMessage.TunnelUpEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonCoreTest {

    @TempDir
    Path temp;

    private final FakeEngine engine = new FakeEngine();
    private final DaemonCore core = new DaemonCore(engine, ConnectMapping::toRequest,
            new KillSwitchGuard(new FakeKillSwitch(), false));
    private final Recorder asker = new Recorder();
    private final Recorder watcher = new Recorder();

    /** A client that keeps what it is sent. */
    static final class Recorder implements DaemonCore.Client {
        final List<FromService> received = new CopyOnWriteArrayList<>();

        @Override
        public void send(FromService message) {
            received.add(message);
        }

        FromService last() {
            return received.get(received.size() - 1);
        }
    }

    private Connect connect() {
        try {
            return TestProfiles.connect(temp, 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eventsGoToTheAskerAndSubscribersButPromptsOnlyToTheAsker() {
        core.handle(watcher, new Subscribe(1, 0));
        core.handle(asker, connect());
        assertEquals(new Ok(1), asker.last());
        assertEquals("lab", engine.requests.get(0).name());
        assertEquals("alice", engine.requests.get(0).credentials().xauthUser().orElseThrow());

        engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTING));
        engine.emit(new EngineEvent.Progress(ProgressStep.GATEWAY_REACHED, "203.0.113.2"));
        engine.emit(new EngineEvent.CredentialsRequired("p1", List.of(CredentialKind.PASSCODE), "code", "", false));
        engine.emit(new EngineEvent.SavePassword(false));
        List<FromService> both = List.of(new StateEvent("lab", ConnectionState.CONNECTING),
                new ProgressEvent("lab", ProgressStep.GATEWAY_REACHED, "203.0.113.2"));
        assertEquals(both, watcher.received.subList(1, watcher.received.size()));
        assertEquals(both, asker.received.subList(1, 3));
        assertTrue(asker.received.get(3) instanceof PromptEvent p && p.prompt().equals("p1"), asker.received.toString());
        assertEquals(5, asker.received.size());
    }

    @Test
    void aSecondConnectIsBusyUntilTheFirstEnds() {
        core.handle(asker, connect());
        core.handle(watcher, connect());
        assertEquals(ErrorCode.BUSY, ((ErrorReply) watcher.last()).code());
        engine.emit(new EngineEvent.Failed(new ConnectException(FailureReason.GATEWAY_UNREACHABLE, "")));
        assertEquals(new FailedEvent("lab", FailureReason.GATEWAY_UNREACHABLE, ""), asker.last());
        core.handle(watcher, connect());
        assertEquals(new Ok(1), watcher.last());
        assertEquals(2, engine.requests.size());
    }

    @Test
    void aProfileThatCannotConnectIsRefusedInWords() throws Exception {
        core.handle(asker, TestProfiles.connect(temp, 2, "s:network-host:{{ VPN_HOST }}"));
        ErrorReply e = (ErrorReply) asker.last();
        assertEquals(ErrorCode.BAD_PROFILE, e.code());
        assertTrue(e.message().contains("network-host"), e.message());
        assertTrue(engine.requests.isEmpty());
    }

    @Test
    void anAskerThatGoesAwayBeforeTheTunnelIsUpCancelsIt() {
        core.handle(asker, connect());
        engine.emit(new EngineEvent.StateChanged(ConnectionState.AUTHENTICATING));
        core.detach(asker);
        assertEquals(1, engine.disconnects.get());
    }

    @Test
    void theTunnelStaysWhenItsAskerGoesAwayOnceUp() {
        core.handle(asker, connect());
        engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
        core.detach(asker);
        assertEquals(0, engine.disconnects.get());
        core.handle(watcher, new Status(7));
        assertEquals(ConnectionState.CONNECTED, ((StatusReply) watcher.last()).connection().orElseThrow().state());
    }

    @Test
    void disconnectChecksTheName() {
        core.handle(watcher, new Disconnect(2, Optional.empty()));
        assertEquals(new Ok(2), watcher.last());
        assertEquals(0, engine.disconnects.get(), "nothing runs: nothing to do");
        core.handle(asker, connect());
        core.handle(watcher, new Disconnect(3, Optional.of("other")));
        assertEquals(ErrorCode.NO_SUCH_CONNECTION, ((ErrorReply) watcher.last()).code());
        core.handle(watcher, new Disconnect(4, Optional.of("lab")));
        assertEquals(new Ok(4), watcher.last());
        assertEquals(1, engine.disconnects.get());
        engine.emit(new EngineEvent.Disconnected());
        assertEquals(new DisconnectedEvent("lab"), asker.last());
    }

    @Test
    void statusAndListShowTheConnectionWithItsCounters() {
        core.handle(watcher, new Status(1));
        assertEquals(new StatusReply(1, Optional.empty(), false), watcher.last());
        core.handle(asker, connect());
        engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
        engine.statistics = Optional.of(statistics());
        core.handle(watcher, new ListConnections(2));
        ListReply list = (ListReply) watcher.last();
        assertEquals(1, list.connections().size());
        assertEquals("203.0.113.2", list.connections().get(0).gateway());
        assertEquals(3, list.connections().get(0).statistics().orElseThrow().packetsIn());
    }

    @Test
    void promptsAreAnsweredOnlyByTheAskerAndOnlyOnce() {
        core.handle(asker, connect());
        engine.emit(new EngineEvent.CredentialsRequired("p1", List.of(CredentialKind.PASSCODE), "", "", false));
        char[] stolen = "000000".toCharArray();
        core.handle(watcher, new Answer(5, "p1", Map.of(CredentialKind.PASSCODE, stolen)));
        assertEquals(ErrorCode.NO_SUCH_PROMPT, ((ErrorReply) watcher.last()).code());
        assertEquals("\0\0\0\0\0\0", new String(stolen), "a refused answer is wiped");
        core.handle(asker, new Answer(6, "p1", Map.of(CredentialKind.PASSCODE, "123456".toCharArray())));
        assertEquals(new Ok(6), asker.last());
        core.handle(asker, new Answer(7, "p1", Map.of(CredentialKind.PASSCODE, "123456".toCharArray())));
        assertEquals(ErrorCode.NO_SUCH_PROMPT, ((ErrorReply) asker.last()).code());
        assertEquals(1, engine.answers.size());
    }

    @Test
    void theEnginesStatisticsGoToTheAskerAndToSubscribersAsOftenAsTheyAsked() {
        Recorder everySecond = new Recorder();
        Recorder noCounters = new Recorder();
        core.handle(everySecond, new Subscribe(1, 1));
        core.handle(watcher, new Subscribe(1, 3));
        core.handle(noCounters, new Subscribe(1, 0));
        core.handle(asker, connect());
        engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
        for (int i = 0; i < 6; i++) {
            engine.emit(new EngineEvent.Statistics(statistics()));
        }
        assertEquals(6, everySecond.received.stream().filter(m -> m instanceof StatisticsEvent).count());
        assertEquals(2, watcher.received.stream().filter(m -> m instanceof StatisticsEvent).count());
        assertEquals(0, noCounters.received.stream().filter(m -> m instanceof StatisticsEvent).count());
        assertEquals(6, asker.received.stream().filter(m -> m instanceof StatisticsEvent).count());
        assertEquals(252, ((StatisticsEvent) asker.last()).statistics().bytesIn());
    }

    @Test
    void aLateSubscriberFirstHearsTheRunningConnectionsPresent() {
        core.handle(asker, connect());
        engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTING));
        engine.emit(new EngineEvent.TunnelUp(TestProfiles.tunnelConfig(), "IKE AES-256"));
        engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
        engine.emit(new EngineEvent.Statistics(statistics()));

        core.handle(watcher, new Subscribe(9, 1));

        List<FromService> got = watcher.received;
        assertEquals(new Ok(9), got.get(0));
        assertEquals(TestProfiles.tunnelConfig(), ((TunnelUpEvent) got.get(1)).config());
        assertEquals(new StateEvent("lab", ConnectionState.CONNECTED), got.get(2));
        assertEquals(3, ((StatisticsEvent) got.get(3)).statistics().packetsIn());
        assertEquals(4, got.size());
    }

    @Test
    void aSubscriberWithNoConnectionRunningHearsOnlyTheReply() {
        core.handle(watcher, new Subscribe(9, 1));
        assertEquals(List.of(new Ok(9)), watcher.received);
    }

    @Test
    void stoppingDisconnectsAndRefusesNewConnections() {
        core.handle(asker, connect());
        new Thread(() -> {
            while (engine.disconnects.get() == 0) {
                Thread.onSpinWait();
            }
            engine.emit(new EngineEvent.Disconnected());
        }).start();
        assertTrue(core.stop(Duration.ofSeconds(5)));
        core.handle(watcher, connect());
        assertEquals(ErrorCode.STOPPING, ((ErrorReply) watcher.last()).code());
    }

    private static ConnectionStatistics statistics() {
        return new ConnectionStatistics(252, 3, 252, 3, 0, Duration.ofSeconds(9), "IKE ..., ESP ...",
                Ipv4Network.parseAddress("10.88.0.1"), true, true, Optional.of(Duration.ofMinutes(40)));
    }
}
