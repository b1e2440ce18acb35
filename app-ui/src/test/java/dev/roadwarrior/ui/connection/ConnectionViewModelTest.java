package dev.roadwarrior.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.connect.ConnectService;
import dev.roadwarrior.connect.ErrorMessages;
import dev.roadwarrior.connect.Prompt;
import dev.roadwarrior.connect.PromptAnswer;
import dev.roadwarrior.connect.PromptField;
import dev.roadwarrior.daemon.EngineLocator;
import dev.roadwarrior.daemon.FakeEngine;
import dev.roadwarrior.daemon.TestProfiles;
import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.ipc.ServiceException;
import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.io.ProfileStore;
import dev.roadwarrior.profiles.secrets.FileSecretStore;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live connection model against a fake engine, without the FX thread. */
class ConnectionViewModelTest {

    @TempDir
    Path temp;

    private final FakeEngine engine = new FakeEngine();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final MutableClock clock = new MutableClock();
    private ProfileLibrary library;
    private ConnectionViewModel vm;

    /** Answers prompts from a queue (empty queue: cancel) and records banners. */
    static final class FakeDialogs implements DialogService {
        final List<Prompt> prompts = new ArrayList<>();
        final Deque<Optional<PromptAnswer>> answers = new ArrayDeque<>();
        final List<String> banners = new ArrayList<>();

        @Override
        public synchronized CompletionStage<Optional<PromptAnswer>> askCredentials(Prompt prompt) {
            prompts.add(prompt);
            return CompletableFuture.completedFuture(answers.isEmpty() ? Optional.empty() : answers.poll());
        }

        @Override
        public void showBanner(String profile, String text) {
            banners.add(profile + ": " + text);
        }
    }

    /** A wall clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-04T19:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        library = new ProfileLibrary(new ProfileStore(temp.resolve("profiles")),
                new FileSecretStore(temp.resolve("secrets")));
        ImportResult lab = TestProfiles.lab(temp);
        library.store(lab);
        vm = new ConnectionViewModel(() -> new EngineLocator.Located(engine, true), new ConnectService(library), dialogs,
                Runnable::run, EngineEventBridge.direct(), clock);
    }

    @Test
    void aConnectAsksThePasswordThenShowsStepsStatusAndThroughput() throws Exception {
        dialogs.answers.add(Optional.of(new PromptAnswer(Map.of(PromptField.PASSWORD, "pw".toCharArray()), false)));
        vm.start();
        vm.connect("lab");

        Prompt asked = dialogs.prompts.get(0);
        assertEquals(List.of(PromptField.USER_NAME, PromptField.PASSWORD), asked.fields());
        assertEquals("alice", asked.known().get(PromptField.USER_NAME), "the saved user name is filled in");
        assertEquals("pw", new String(engine.requests.get(0).credentials().xauthPassword().orElseThrow()));
        assertEquals("alice", engine.requests.get(0).credentials().xauthUser().orElseThrow());
        assertEquals(ConnectionState.CONNECTING, vm.stateOf("lab"));
        assertTrue(vm.busyProperty().get());

        engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTING));
        engine.emit(new EngineEvent.Progress(ProgressStep.RESOLVING, "203.0.113.2"));
        engine.emit(new EngineEvent.Progress(ProgressStep.GATEWAY_REACHED, "203.0.113.2"));
        engine.emit(new EngineEvent.Progress(ProgressStep.NAT_DETECTED, ""));
        engine.emit(new EngineEvent.Banner("Authorized use only"));
        engine.emit(new EngineEvent.TunnelUp(TestProfiles.tunnelConfig(), "IKE AES-256"));
        engine.emit(new EngineEvent.StateChanged(ConnectionState.CONNECTED));
        assertEquals(List.of("Looking up the gateway", "Gateway reached", "NAT detected"), vm.steps());
        assertEquals(List.of("lab: Authorized use only"), dialogs.banners);
        assertTrue(vm.connectedProperty().get());
        assertFalse(vm.busyProperty().get());
        StatusDetails status = vm.statusProperty().get();
        assertEquals("10.88.0.1/24", status.virtualAddress());
        assertEquals(List.of(Ipv4Network.parse("10.3.0.0/16")), status.includeRoutes());
        assertEquals(List.of("corp.example"), status.searchDomains());

        clock.now = clock.now.plusSeconds(1);
        engine.emit(new EngineEvent.Statistics(statistics(1_000, 2_000, 10)));
        clock.now = clock.now.plusSeconds(2);
        engine.emit(new EngineEvent.Statistics(statistics(5_000, 3_000, 12)));
        status = vm.statusProperty().get();
        assertEquals(Instant.parse("2026-12-04T19:00:01Z").minusSeconds(10), status.connectedSince().orElseThrow(),
                "since: the clock less the first counters' uptime");
        assertTrue(status.natTraversal());
        assertEquals(Optional.of(Duration.ofMinutes(40)), status.nextRekey());
        assertEquals(5_000, status.statistics().orElseThrow().bytesIn());
        assertEquals(1, vm.throughput().size());
        assertEquals(2_000.0, vm.throughput().get(0).bytesInPerSecond(), 0.001);
        assertEquals(500.0, vm.throughput().get(0).bytesOutPerSecond(), 0.001);

        vm.disconnect();
        assertEquals(ConnectionState.DISCONNECTING, vm.stateProperty().get());
        assertEquals(1, engine.disconnects.get());
        engine.emit(new EngineEvent.StateChanged(ConnectionState.DISCONNECTED));
        engine.emit(new EngineEvent.Disconnected());
        assertEquals(ConnectionState.DISCONNECTED, vm.stateOf("lab"));
        assertEquals(StatusDetails.NONE, vm.statusProperty().get());
        assertEquals("", vm.failureProperty().get());
    }

    @Test
    void aConnectionStartedElsewhereShowsAndCanBeDisconnected() {
        engine.emitElsewhere("office", new EngineEvent.StateChanged(ConnectionState.CONNECTING));
        engine.emitElsewhere("office", new EngineEvent.TunnelUp(TestProfiles.tunnelConfig(), "IKE AES-256"));
        engine.emitElsewhere("office", new EngineEvent.StateChanged(ConnectionState.CONNECTED));
        engine.emitElsewhere("office", new EngineEvent.Statistics(statistics(84, 84, 3)));

        vm.start();

        assertEquals("office", vm.activeProfileProperty().get());
        assertEquals(ConnectionState.CONNECTED, vm.stateOf("office"));
        assertEquals("10.88.0.1/24", vm.statusProperty().get().virtualAddress());
        assertEquals(84, vm.statusProperty().get().statistics().orElseThrow().bytesIn());
        vm.connect("lab");
        assertEquals(ErrorMessages.text("connect.busy"), vm.failures().get("lab"), "one connection at a time");
        assertEquals("office", vm.activeProfileProperty().get(), "the running one stays shown");
        assertTrue(engine.requests.isEmpty());
        vm.disconnect();
        assertEquals(1, engine.disconnects.get());
        engine.emitElsewhere("office", new EngineEvent.Disconnected());
        assertEquals(ConnectionState.DISCONNECTED, vm.stateOf("office"));
    }

    @Test
    void failuresReadAsInTheCli() throws Exception {
        library.secrets().put("lab", SecretKind.XAUTH_PASSWORD, dev.roadwarrior.profiles.secrets.Secret.ofText("pw"));
        vm.connect("lab");
        assertTrue(dialogs.prompts.isEmpty(), "the saved password is used");
        ConnectException wrong = new ConnectException(FailureReason.WRONG_GROUP_PASSWORD, "");
        engine.emit(new EngineEvent.Failed(wrong));
        assertEquals(ErrorMessages.failure(wrong), vm.failureProperty().get());
        assertEquals(ErrorMessages.failure(wrong), vm.failures().get("lab"));
        assertEquals(ConnectionState.DISCONNECTED, vm.stateOf("lab"));
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void cancellingThePromptCancelsTheConnect() {
        vm.connect("lab");
        assertEquals(1, dialogs.prompts.size());
        assertTrue(engine.requests.isEmpty());
        assertEquals(ErrorMessages.text("connect.cancelled"), vm.failureProperty().get());
        assertEquals(ConnectionState.DISCONNECTED, vm.stateOf("lab"));
        assertNull(vm.promptProperty().get());
    }

    @Test
    void theGatewaysPromptsAreAskedAndAnswered() throws Exception {
        library.secrets().put("lab", SecretKind.XAUTH_PASSWORD, dev.roadwarrior.profiles.secrets.Secret.ofText("pw"));
        vm.connect("lab");
        dialogs.answers.add(Optional.of(new PromptAnswer(Map.of(PromptField.PASSCODE, "123456".toCharArray()), false)));
        engine.emit(new EngineEvent.CredentialsRequired("p1", List.of(CredentialKind.PASSCODE), "Token code", "", false));
        waitFor(() -> engine.answers.size() == 1);
        assertEquals("123456", new String(engine.answers.get(0).get(CredentialKind.PASSCODE)));
        Prompt asked = dialogs.prompts.get(0);
        assertEquals("Token code", asked.message());
        assertFalse(asked.offerSavePassword(), "no password asked, nothing to save");
    }

    @Test
    void withoutTheServiceTheReasonIsShownInWords() {
        ServiceException notRunning = new ServiceException(ServiceException.Reason.NOT_RUNNING, "");
        ConnectionViewModel without = new ConnectionViewModel(() -> {
            throw notRunning;
        }, new ConnectService(library), dialogs, Runnable::run, EngineEventBridge.direct(), clock);
        without.start();
        assertEquals(ErrorMessages.describe(notRunning), without.serviceProblemProperty().get());
        without.connect("lab");
        assertEquals(ErrorMessages.describe(notRunning), without.failures().get("lab"));
        assertEquals(ConnectionState.DISCONNECTED, without.stateOf("lab"));
    }

    static ConnectionStatistics statistics(long in, long out, long uptimeSeconds) {
        return new ConnectionStatistics(in, in / 84, out, out / 84, 0, Duration.ofSeconds(uptimeSeconds), "IKE AES-256",
                Ipv4Network.parseAddress("10.88.0.1"), true, true, Optional.of(Duration.ofMinutes(40)));
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
