package dev.roadwarrior.engine.ike;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.Identity;
import dev.roadwarrior.engine.api.ConnectRequest.IdentityType;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole client against {@link TestGateway}, on a simulated clock: it stays connected across
 * what gateways and networks do (deleted SAs, a dead gateway, SA lifetimes), retries with growing
 * waits, and gives up only for reasons retrying cannot fix.
 */
class IkeClientTest {

    private static final byte[] PSK = "group-secret".getBytes(StandardCharsets.UTF_8);
    private static final InetSocketAddress GATEWAY = new InetSocketAddress("192.0.2.1", 500);

    private final TestGateway gateway = new TestGateway(PSK);
    private final List<IkeOutput> seen = new ArrayList<>();
    private int sends;
    private final List<Long> sendTimes = new ArrayList<>();
    private int reopened;
    private long now = 1_000_000;
    private long lastOutbound = Long.MIN_VALUE;
    private IkeClient client;

    private static ConnectRequest request(long phase1Lifetime) {
        return request(phase1Lifetime, ConnectRequest.AuthMethod.PSK, Optional.empty());
    }

    private static ConnectRequest request(long phase1Lifetime, ConnectRequest.AuthMethod auth,
            Optional<char[]> password) {
        return new ConnectRequest("test", "192.0.2.1", 500,
                new ConnectRequest.Phase1(ConnectRequest.ExchangeMode.AGGRESSIVE, auth,
                        new Identity(IdentityType.KEY_ID, "group"), new Identity(IdentityType.ANY, ""),
                        List.of(new ConnectRequest.Phase1Proposal(7, 256, 2, 14)), phase1Lifetime, 0),
                new ConnectRequest.Phase2(List.of(new ConnectRequest.EspProposal(12, 256, 2)), Optional.empty(), 3600, 0),
                new ConnectRequest.Credentials(PSK.clone(), Optional.of("alice"), password),
                new ConnectRequest.Transport(ConnectRequest.NatTraversalMode.DISABLE, 4500, 15,
                        ConnectRequest.FragmentationMode.DISABLE, 540, true),
                new ConnectRequest.HostConfig(ConnectRequest.ModeConfigMode.PULL, Optional.empty(), 32, 1380, false,
                        List.of(), false, Optional.empty(), List.of(), false, List.of(), List.of(), false));
    }

    private void connect(ConnectRequest request) {
        client = new IkeClient(request, new JcaIkeCrypto(), new InetSocketAddress("192.0.2.2", 40_000),
                new InetSocketAddress("192.0.2.2", 40_001), GATEWAY, RetransmitPolicy.DEFAULT, new Random(7),
                InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
        client.start(now);
        pump();
    }

    /** Carries the client's outputs to the gateway and back until nothing is left; opens "sockets" when asked. */
    private void pump() {
        for (int round = 0; round < 1000; round++) {
            List<IkeOutput> out = client.drainOutputs();
            if (out.isEmpty()) {
                return;
            }
            boolean reopen = false;
            for (IkeOutput o : out) {
                if (o instanceof IkeOutput.Send s) {
                    sends++;
                    sendTimes.add(now);
                    try {
                        for (byte[] answer : gateway.receive(s.datagram())) {
                            client.receive(answer, false, now);
                        }
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                } else {
                    seen.add(o);
                    reopen |= o instanceof IkeOutput.OpenSockets;
                }
            }
            if (reopen) {
                reopened++;
                client.socketsOpened(new InetSocketAddress("192.0.2.2", 40_000 + 2 * reopened),
                        new InetSocketAddress("192.0.2.2", 40_001 + 2 * reopened), now);
            }
        }
        fail("the client and the gateway never went quiet");
    }

    /** Lets {@code millis} pass, ticking the client when due and telling it once a second what ESP did. */
    private void advance(long millis) {
        long end = now + millis;
        long nextReport = now + 1_000;
        while (true) {
            long due = Math.min(client.nextDeadline(), nextReport);
            if (due > end) {
                break;
            }
            now = Math.max(now, due);
            if (now >= nextReport) {
                nextReport = now + 1_000;
                client.traffic(new EspActivity(Long.MIN_VALUE, lastOutbound, Map.of(), Map.of()), now);
            }
            if (client.nextDeadline() <= now) {
                client.tick(now);
            }
            pump();
        }
        now = end;
    }

    private List<EngineEvent> events() {
        return seen.stream().filter(o -> o instanceof IkeOutput.Emit).map(o -> ((IkeOutput.Emit) o).event()).toList();
    }

    private <T extends EngineEvent> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<String> progress(ProgressStep step) {
        return events(EngineEvent.Progress.class).stream().filter(p -> p.step() == step)
                .map(EngineEvent.Progress::detail).toList();
    }

    private ConnectionState state() {
        List<EngineEvent.StateChanged> states = events(EngineEvent.StateChanged.class);
        return states.get(states.size() - 1).state();
    }

    private <T extends IkeOutput> List<T> outputs(Class<T> type) {
        return seen.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void afterTheGatewayDeletesTheIkeSaTheClientConnectsAgainFromNewSockets() {
        connect(request(86_400));
        assertEquals(1, events(EngineEvent.TunnelUp.class).size());
        assertEquals(ConnectionState.CONNECTED, state());
        IkeOutput.InstallChildSa first = outputs(IkeOutput.InstallChildSa.class).get(0);
        assertTrue(first.activate());

        client.receive(gateway.deleteIkeSa(gateway.cookies().get(0)), false, now);
        pump();

        assertTrue(seen.contains(new IkeOutput.RemoveChildSa(first.keys().inboundSpi(), first.keys().outboundSpi())),
                "no SA left to send with: traffic is held back, not leaked");
        assertEquals(List.of("the gateway deleted the IKE SA"), progress(ProgressStep.RECONNECTING));
        assertEquals(ConnectionState.CONNECTING, state());
        advance(1);
        assertEquals(1, reopened);
        assertEquals(2, events(EngineEvent.TunnelUp.class).size());
        assertEquals(ConnectionState.CONNECTED, state());
        assertEquals(List.of("AM initial-contact", "MC", "QM", "AM initial-contact", "INITIAL_CONTACT",
                "MC asks 10.88.0.1", "QM"), gateway.log, "the new SA clears what the gateway held and keeps the address");
        assertTrue(events(EngineEvent.Failed.class).isEmpty());
    }

    @Test
    void aDeadGatewayIsFoundByDpdAndAskedEveryFewSecondsUntilItIsBack() {
        connect(request(86_400));
        long down = now;
        gateway.alive = false;
        lastOutbound = now + 500; // traffic keeps going out, nothing comes back
        advance(14_000);
        assertEquals(1, progress(ProgressStep.RECONNECTING).size(), "dead after the worry delay and four R-U-THERE");
        assertTrue(progress(ProgressStep.RECONNECTING).get(0).contains("R-U-THERE"));
        long detected = now;

        sendTimes.clear();
        advance(150_000);
        List<String> retries = progress(ProgressStep.RECONNECTING);
        assertTrue(retries.size() >= 5, retries.toString());
        for (String retry : retries.subList(1, retries.size())) {
            assertTrue(retry.contains("no answer") && !retry.contains("next attempt"),
                    "an unanswered attempt is followed at once, its retransmissions were the wait: " + retries);
        }
        long widestGap = 0;
        for (int i = 1; i < sendTimes.size(); i++) {
            widestGap = Math.max(widestGap, sendTimes.get(i) - sendTimes.get(i - 1));
        }
        assertTrue(widestGap <= 4_000, "the gateway is asked at least every 4 s: " + widestGap + " ms");
        assertTrue(events(EngineEvent.Failed.class).isEmpty(), "never failed while retrying");
        assertEquals(ConnectionState.CONNECTING, state());

        gateway.alive = true;
        advance(4_500);
        assertEquals(2, events(EngineEvent.TunnelUp.class).size(), "back within one retransmission interval");
        assertEquals(ConnectionState.CONNECTED, state());
        assertTrue(detected - down <= 14_000);
    }

    @Test
    void aTunnelWhoseGatewayAnswersDpdButSendsNoEspIsRestarted() {
        connect(request(86_400));
        lastOutbound = now + 500; // our ESP goes out, the gateway's never comes, R-U-THERE is answered
        advance(60_000);
        List<String> restarts = progress(ProgressStep.RECONNECTING);
        assertEquals(1, restarts.size(), restarts.toString());
        assertTrue(restarts.get(0).contains("ESP no longer arrives"), restarts.get(0));
        assertEquals(2, events(EngineEvent.TunnelUp.class).size(), "connected again from new sockets");
        assertEquals(1, reopened);
        assertEquals(ConnectionState.CONNECTED, state());
    }

    @Test
    void aFirstConnectThatNeverReachesTheGatewayFailsInsteadOfRetrying() {
        gateway.alive = false;
        connect(request(86_400));
        advance(40_000);
        List<EngineEvent.Failed> failed = events(EngineEvent.Failed.class);
        assertEquals(1, failed.size());
        assertEquals(FailureReason.GATEWAY_UNREACHABLE, failed.get(0).error().reason());
        assertEquals(0, reopened);
        assertTrue(client.isFinished());
    }

    @Test
    void theIkeSaIsRenewedBeforeItsLifetimeWithoutTheTunnelNoticing() {
        connect(request(70));
        IkeOutput.InstallChildSa first = outputs(IkeOutput.InstallChildSa.class).get(0);
        long oldCookie = gateway.cookies().get(0);

        advance(70_000);

        assertEquals(List.of("AM initial-contact", "MC", "QM", "AM", "MC asks 10.88.0.1", "QM",
                "DELETE ESP " + Integer.toHexString(first.keys().inboundSpi()), "DELETE ISAKMP"),
                gateway.log.stream().filter(l -> !l.equals("R-U-THERE")).toList(),
                "a second SA without INITIAL-CONTACT, then the old pair and the old SA are deleted");
        assertFalse(gateway.cookies().contains(oldCookie));
        assertEquals(1, progress(ProgressStep.PHASE1_REKEYED).size());
        assertEquals(1, events(EngineEvent.TunnelUp.class).size(), "same settings: the host is left alone");
        assertTrue(progress(ProgressStep.RECONNECTING).isEmpty());
        assertEquals(ConnectionState.CONNECTED, state());
        IkeOutput.InstallChildSa second = outputs(IkeOutput.InstallChildSa.class).get(1);
        assertFalse(second.activate(), "make before break");
        int activated = seen.indexOf(new IkeOutput.ActivateOutbound(second.keys().outboundSpi()));
        int removed = seen.indexOf(new IkeOutput.RemoveChildSa(first.keys().inboundSpi(), first.keys().outboundSpi()));
        assertTrue(activated > seen.indexOf(second) && removed > activated, seen.toString());
    }

    /**
     * Soak finding: after a phase 1 rekey the gateway started a Quick Mode on the replaced ISAKMP SA (its
     * address had changed); the pair we answered with took the outbound traffic from the new SA's pair and was
     * removed with the old SA seconds later, leaving nothing to send with until the next rekey (28.8 s).
     */
    @Test
    void aQuickModeTheGatewayStartsOnTheReplacedIkeSaIsNotAnswered() {
        connect(request(70));
        long oldCookie = gateway.cookies().get(0);
        for (int i = 0; i < 700 && progress(ProgressStep.PHASE1_REKEYED).isEmpty(); i++) {
            advance(100);
        }
        assertEquals(1, progress(ProgressStep.PHASE1_REKEYED).size());
        IkeOutput.InstallChildSa carrying = outputs(IkeOutput.InstallChildSa.class).get(1);

        client.receive(gateway.quickModeRequest(oldCookie, 0x5151_0001), false, now);
        List<IkeOutput> answer = client.drainOutputs();

        assertTrue(answer.stream().noneMatch(o -> o instanceof IkeOutput.Send || o instanceof IkeOutput.InstallChildSa),
                "nothing answered, nothing installed: " + answer);
        seen.addAll(answer);
        advance(SessionSet.RETIRE_MILLIS + 1_000);
        assertFalse(seen.contains(new IkeOutput.RemoveChildSa(carrying.keys().inboundSpi(),
                carrying.keys().outboundSpi())), "the new SA's pair carries on");
        assertEquals(ConnectionState.CONNECTED, state());
    }

    @Test
    void whenTheGatewayDeletesTheIpsecSaInUseANewOneIsNegotiatedAtOnce() {
        connect(request(86_400));
        IkeOutput.InstallChildSa first = outputs(IkeOutput.InstallChildSa.class).get(0);

        client.receive(gateway.deleteChild(gateway.cookies().get(0), first.keys().inboundSpi()), false, now);
        pump();

        assertEquals(List.of("AM initial-contact", "MC", "QM", "QM"), gateway.log);
        IkeOutput.InstallChildSa second = outputs(IkeOutput.InstallChildSa.class).get(1);
        assertTrue(second.activate(), "nothing to wait for: the old pair is gone");
        assertTrue(progress(ProgressStep.RECONNECTING).isEmpty());
        assertEquals(1, events(EngineEvent.TunnelUp.class).size());
    }

    @Test
    void aRestartingGatewayThatRefusesTheProposalsUntilItsConnectionsAreLoadedIsReconnectedTo() {
        connect(request(86_400));
        gateway.refuseProposals = true;
        client.receive(gateway.deleteIkeSa(gateway.cookies().get(0)), false, now);
        pump();
        advance(200);
        assertEquals(1, reopened, "the first attempt at once");
        assertEquals(1, events(EngineEvent.TunnelUp.class).size(), "and refused");
        assertTrue(events(EngineEvent.Failed.class).isEmpty(), "a gateway that worked may be restarting");
        gateway.refuseProposals = false;
        advance(10_000);
        assertTrue(events(EngineEvent.Failed.class).isEmpty());
        assertEquals(2, events(EngineEvent.TunnelUp.class).size(), "back up once its connections are loaded");
        assertEquals(ConnectionState.CONNECTED, state());
    }

    @Test
    void aGatewayThatNowRefusesTheProposalsEndsTheConnectionAfterAFewAttempts() {
        connect(request(86_400));
        gateway.refuseProposals = true;
        client.receive(gateway.deleteIkeSa(gateway.cookies().get(0)), false, now);
        pump();
        advance(5_000);
        assertTrue(events(EngineEvent.Failed.class).isEmpty(), "a gateway that worked may be restarting");
        advance(30_000);
        List<EngineEvent.Failed> failed = events(EngineEvent.Failed.class);
        assertEquals(1, failed.size());
        assertEquals(FailureReason.NO_PROPOSAL_CHOSEN, failed.get(0).error().reason());
        assertEquals(1 + ReconnectSchedule.PROPOSAL_REFUSALS_RETRIED, reopened, "then its configuration changed");
        assertTrue(client.isFinished());
        assertEquals(ConnectionState.DISCONNECTED, state());
    }

    @Test
    void disconnectDeletesTheSasAtTheGatewayAndLeavesTheCallersCredentialsToTheCaller() {
        ConnectRequest request = request(86_400);
        connect(request);

        client.disconnect(now);
        pump();

        assertEquals(List.of("AM initial-contact", "MC", "QM", "DELETE ESP "
                + Integer.toHexString(outputs(IkeOutput.InstallChildSa.class).get(0).keys().inboundSpi()),
                "DELETE ISAKMP"), gateway.log);
        assertTrue(client.isFinished());
        assertTrue(events().get(events().size() - 2) instanceof EngineEvent.Disconnected);
        assertEquals(ConnectionState.DISCONNECTED, state());
        assertArrayEquals(PSK, request.credentials().preSharedKey(), "the engine worked on its own copy");
    }

    @Test
    void xauthCredentialsAreKeptForAReconnectAndThePasswordTypedAtAPromptToo() {
        gateway.xauthPassword = "pw";
        connect(request(86_400, ConnectRequest.AuthMethod.PSK_XAUTH, Optional.empty()));
        List<EngineEvent.CredentialsRequired> prompts = events(EngineEvent.CredentialsRequired.class);
        assertEquals(1, prompts.size(), "no password given: the user is asked");
        char[] typed = "pw".toCharArray();
        client.answer(prompts.get(0).promptId(), Map.of(dev.roadwarrior.engine.api.CredentialKind.PASSWORD, typed),
                now);
        pump();
        assertArrayEquals(new char[2], typed, "wiped");
        assertEquals(1, events(EngineEvent.TunnelUp.class).size());

        client.receive(gateway.deleteIkeSa(gateway.cookies().get(0)), false, now);
        pump();
        advance(1);

        assertEquals(2, events(EngineEvent.TunnelUp.class).size());
        assertEquals(1, events(EngineEvent.CredentialsRequired.class).size(), "not asked again");
        assertEquals(List.of("XAUTH ok", "XAUTH ok"), gateway.log.stream().filter(l -> l.startsWith("XAUTH")).toList());
    }

    @Test
    void aPasswordTheGatewayNowRefusesEndsTheConnection() {
        gateway.xauthPassword = "pw";
        connect(request(86_400, ConnectRequest.AuthMethod.PSK_XAUTH, Optional.of("pw".toCharArray())));
        assertEquals(1, events(EngineEvent.TunnelUp.class).size());
        gateway.xauthPassword = "changed";

        client.receive(gateway.deleteIkeSa(gateway.cookies().get(0)), false, now);
        pump();
        advance(1_000);

        List<EngineEvent.Failed> failed = events(EngineEvent.Failed.class);
        assertEquals(1, failed.size());
        assertEquals(FailureReason.WRONG_USER_PASSWORD, failed.get(0).error().reason());
        assertTrue(client.isFinished());
    }

    /**
     * libreswan pads every message inside its last payload (1 to 3 zero bytes counted in its
     * length): Aggressive Mode's vendor ID, the XAuth request and status, the Mode Config reply,
     * Quick Mode's ID, the R-U-THERE-ACK notify and the delete all arrive so and are taken.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void messagesPaddedInsideTheirLastPayloadAreTaken(int padding) {
        gateway.padding = padding;
        gateway.xauthPassword = "pw";
        connect(request(86_400, ConnectRequest.AuthMethod.PSK_XAUTH, Optional.of("pw".toCharArray())));
        assertEquals(1, events(EngineEvent.TunnelUp.class).size(), events().toString());
        IkeOutput.InstallChildSa first = outputs(IkeOutput.InstallChildSa.class).get(0);

        lastOutbound = now + 500; // traffic goes out, none comes back: DPD asks, the padded acks answer
        advance(30_000);
        assertTrue(gateway.log.contains("R-U-THERE"), gateway.log.toString());
        assertTrue(progress(ProgressStep.RECONNECTING).isEmpty(), "every R-U-THERE-ACK was taken: " + progress(ProgressStep.RECONNECTING));

        client.receive(gateway.deleteChild(gateway.cookies().get(0), first.keys().inboundSpi()), false, now);
        pump();
        assertEquals(2, outputs(IkeOutput.InstallChildSa.class).size(), "the padded delete was taken: a new pair");
        assertEquals(List.of("AM initial-contact", "XAUTH ok", "MC", "QM", "QM"),
                gateway.log.stream().filter(l -> !l.equals("R-U-THERE")).toList());
        assertTrue(events(EngineEvent.Failed.class).isEmpty());
    }

    /**
     * Every copy of Aggressive Mode's third message is lost, the two quick repeats too: the gateway
     * never retransmits what it answers, so the client resends it on its own timer until XAuth starts.
     */
    @Test
    void aLostThirdMessageIsResentUntilTheGatewayStartsXauth() {
        gateway.xauthPassword = "pw";
        gateway.loseThirdMessages = 1 + FinalRepeats.FINAL_REPEATS_MILLIS.length + 2;
        long start = now;
        connect(request(86_400, ConnectRequest.AuthMethod.PSK_XAUTH, Optional.of("pw".toCharArray())));
        advance(15_000);
        assertEquals(1, events(EngineEvent.TunnelUp.class).size());
        assertTrue(progress(ProgressStep.RECONNECTING).isEmpty(), "no reconnect: " + progress(ProgressStep.RECONNECTING));
        assertEquals(0, gateway.loseThirdMessages);
        assertEquals(List.of("AM initial-contact", "XAUTH ok", "MC", "QM"), gateway.log);
        assertTrue(events(EngineEvent.Failed.class).isEmpty());
        assertTrue(now - start <= 15_000);
    }

    /** A gateway that never starts XAuth ends a first connect in plain words, without retrying. */
    @Test
    void aFirstConnectToAGatewayThatNeverStartsXauthFailsWithItsOwnReason() {
        gateway.xauthPassword = "pw";
        gateway.neverStartXauth = true;
        connect(request(86_400, ConnectRequest.AuthMethod.PSK_XAUTH, Optional.of("pw".toCharArray())));
        advance(SaSetup.XAUTH_START_MILLIS - 1_000);
        assertTrue(events(EngineEvent.Failed.class).isEmpty(), "still waiting");
        advance(2_000);
        List<EngineEvent.Failed> failed = events(EngineEvent.Failed.class);
        assertEquals(1, failed.size());
        assertEquals(FailureReason.XAUTH_NOT_STARTED, failed.get(0).error().reason());
        assertTrue(progress(ProgressStep.RECONNECTING).isEmpty());
        assertEquals(List.of("AM initial-contact", "DELETE ISAKMP"), gateway.log, "one phase 1 only, deleted at the end");
        assertTrue(client.isFinished());
    }

    /** After the tunnel has worked, a gateway that does not start XAuth may be restarting: the client keeps trying. */
    @Test
    void aReconnectToAGatewayThatDoesNotStartXauthKeepsTrying() {
        gateway.xauthPassword = "pw";
        connect(request(86_400, ConnectRequest.AuthMethod.PSK_XAUTH, Optional.of("pw".toCharArray())));
        assertEquals(1, events(EngineEvent.TunnelUp.class).size());
        gateway.neverStartXauth = true;
        client.receive(gateway.deleteIkeSa(gateway.cookies().get(0)), false, now);
        pump();
        advance(120_000);
        assertTrue(progress(ProgressStep.RECONNECTING).size() >= 3, progress(ProgressStep.RECONNECTING).toString());
        assertTrue(events(EngineEvent.Failed.class).isEmpty());
        gateway.neverStartXauth = false;
        advance(90_000);
        assertEquals(2, events(EngineEvent.TunnelUp.class).size());
    }
}
