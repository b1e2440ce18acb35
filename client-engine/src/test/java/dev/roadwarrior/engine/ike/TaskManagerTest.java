package dev.roadwarrior.engine.ike;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.NoncePayload;
import dev.roadwarrior.engine.ike.codec.payload.VendorIdPayload;
import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.engine.ike.task.TaskResult;
import dev.roadwarrior.engine.ike.task.TaskType;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TaskManagerTest {

    private final List<IkeOutput> outputs = new ArrayList<>();
    private final List<Task> completed = new ArrayList<>();
    private ConnectException failure;
    private int rekeysStarted;
    private IkeSa sa;
    private TaskManager manager;

    @BeforeEach
    void setUp() {
        sa = new IkeSa(TestRequests.aggressivePskXauth(), new JcaIkeCrypto(), new InetSocketAddress("192.0.2.2", 5000),
                new InetSocketAddress("192.0.2.2", 5001), new InetSocketAddress("192.0.2.1", 500));
        manager = new TaskManager(sa, message -> Optional.empty(), e -> {
            if (e instanceof TaskEvent.Completed c) {
                completed.add(c.task());
            } else if (e instanceof TaskEvent.Failed f) {
                failure = f.error();
            } else if (e instanceof TaskEvent.RekeyStarted) {
                rekeysStarted++;
            }
        }, outputs::add, RetransmitPolicy.DEFAULT, new Random(1));
    }

    @Test
    void retransmitsWithBackoffThenGivesUpAsUnreachable() {
        manager.queue(new EchoTask(sa), 0);
        assertEquals(1, sends());
        manager.tick(manager.nextDeadline() - 1);
        assertEquals(1, sends(), "nothing before the deadline");
        long previousGap = 0;
        long now = 0;
        for (int i = 0; i < RetransmitPolicy.DEFAULT.retransmissions(); i++) {
            long deadline = manager.nextDeadline();
            assertTrue(deadline - now >= previousGap * 0.8, "backoff does not shrink");
            previousGap = deadline - now;
            now = deadline;
            manager.tick(now);
            assertEquals(i + 2, sends());
        }
        assertNull(failure);
        manager.tick(manager.nextDeadline());
        assertNotNull(failure);
        assertEquals(FailureReason.GATEWAY_UNREACHABLE, failure.reason());
        assertTrue(now < 40_000, "gives up within about half a minute: " + now);
    }

    @Test
    void theAnswerCompletesTheTaskAndStopsRetransmission() {
        EchoTask task = new EchoTask(sa);
        manager.queue(task, 0);
        manager.receive(task.answer(sa.initiatorCookie()), 10);
        assertEquals(List.of(task), completed);
        assertEquals(Long.MAX_VALUE, manager.nextDeadline());
    }

    @Test
    void messagesForOtherSasAndGarbageAreDropped() {
        EchoTask task = new EchoTask(sa);
        manager.queue(task, 0);
        manager.receive(task.answer(sa.initiatorCookie() + 1), 10);
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[random.nextInt(120)];
            random.nextBytes(junk);
            manager.receive(junk, 10);
        }
        assertTrue(completed.isEmpty());
        assertNull(failure);
    }

    @Test
    void theLastMessageOfOurExchangeIsSentAgainOnItsScheduleAsNoOneAnswersIt() {
        EchoTask task = new EchoTask(sa, true);
        manager.queue(task, 0);
        manager.receive(task.answer(sa.initiatorCookie()), 10);
        assertEquals(2, sends(), "request and last message");
        byte[] last = ((IkeOutput.Send) outputs.get(1)).datagram();
        assertEquals(510, manager.nextDeadline());
        for (long delay : FinalRepeats.FINAL_REPEATS_MILLIS) {
            manager.tick(10 + delay);
        }
        assertEquals(2 + FinalRepeats.FINAL_REPEATS_MILLIS.length, sends());
        assertEquals(4, FinalRepeats.FINAL_REPEATS_MILLIS.length, "five copies in all");
        assertArrayEquals(last, ((IkeOutput.Send) outputs.get((int) sends() - 1)).datagram());
        assertEquals(Long.MAX_VALUE, manager.nextDeadline());
    }

    @Test
    void aQueuedExchangeStartsOnlyOnceTheSaStateAllowsIt() {
        EchoTask modeConfig = new EchoTask(sa, false, TaskType.MODE_CONFIG);
        manager.queue(modeConfig, 0);
        assertEquals(0, sends(), "no Mode Config before phase 1");
        sa.state(IkeSaState.PHASE1);
        manager.initiate(0);
        assertEquals(0, sends());
        sa.state(IkeSaState.MODE_CONFIG);
        manager.initiate(0);
        assertEquals(1, sends());
        assertTrue(manager.busy());
    }

    @Test
    void quickModesStartOnlyWhileTheSaCarriesTheTunnel() {
        for (IkeSaState state : IkeSaState.values()) {
            boolean expected = state == IkeSaState.QUICK_MODE || state == IkeSaState.ESTABLISHED
                    || state == IkeSaState.REKEYING;
            assertEquals(expected, state.allows(TaskType.QUICK_MODE), state.name());
            assertEquals(state == IkeSaState.CREATED || state == IkeSaState.PHASE1,
                    state.allows(TaskType.PHASE1), state.name());
            assertFalse(state.allows(TaskType.XAUTH), "responder tasks are never started by us");
        }
    }

    @Test
    void dpdIsSentOnceTheTunnelIsUpWithoutWaitingForTheExchangeInFlight() {
        EchoTask quickMode = new EchoTask(sa, false, TaskType.QUICK_MODE);
        EchoTask dpd = new EchoTask(sa, false, TaskType.DPD);
        sa.state(IkeSaState.QUICK_MODE);
        manager.queue(quickMode, 0);
        manager.queue(dpd, 0);
        assertEquals(1, sends(), "no DPD before the first SA pair");
        long deadline = manager.nextDeadline();
        sa.state(IkeSaState.ESTABLISHED);
        manager.initiate(0);
        assertEquals(2, sends(), "the R-U-THERE goes out while the Quick Mode awaits its answer");
        assertEquals(deadline, manager.nextDeadline(), "nothing of the R-U-THERE is retransmitted");
        assertTrue(completed.isEmpty());
        for (IkeSaState state : IkeSaState.values()) {
            assertEquals(state == IkeSaState.ESTABLISHED || state == IkeSaState.REKEYING
                    || state == IkeSaState.DELETING, state.allows(TaskType.DPD), state.name());
        }
    }

    @Test
    void aPhaseOneRekeyStartsOnceTheSaIsEstablishedAndOnlyOnce() {
        sa.state(IkeSaState.QUICK_MODE);
        manager.queueRekey(0);
        assertEquals(0, rekeysStarted, "the tunnel is not up yet");
        sa.state(IkeSaState.ESTABLISHED);
        manager.initiate(0);
        assertEquals(1, rekeysStarted);
        manager.initiate(0);
        assertEquals(1, rekeysStarted);
        assertEquals(0, sends(), "the rekey's exchanges run on the new SA");
        sa.state(IkeSaState.REKEYING);
        manager.queueRekey(0);
        assertEquals(1, rekeysStarted, "not while a rekey is under way");
    }

    private long sends() {
        return outputs.stream().filter(o -> o instanceof IkeOutput.Send).count();
    }

    /** A cleartext exchange of one message each way, optionally with a third, last message. */
    private static final class EchoTask implements Task {
        private final IkeSa sa;
        private final boolean third;
        private final TaskType type;

        EchoTask(IkeSa sa) {
            this(sa, false);
        }

        EchoTask(IkeSa sa, boolean third) {
            this(sa, third, TaskType.PHASE1);
        }

        EchoTask(IkeSa sa, boolean third, TaskType type) {
            this.sa = sa;
            this.third = third;
            this.type = type;
        }

        @Override
        public TaskType type() {
            return type;
        }

        @Override
        public IkeMessage build() {
            return new IkeMessage(IkeHeader.of(sa.initiatorCookie(), 0, ExchangeType.AGGRESSIVE, 0, 0),
                    List.of(new NoncePayload(new byte[16])));
        }

        byte[] answer(long cookie) {
            return new IkeMessage(IkeHeader.of(cookie, 42, ExchangeType.AGGRESSIVE, 0, 0),
                    List.of(new NoncePayload(new byte[16]))).encode();
        }

        @Override
        public TaskResult process(IkeMessage message) {
            return third ? TaskResult.finished(build()) : TaskResult.finished();
        }
    }

    /** After a smaller path MTU was learned, IKE fragments fit it even when the profile's size is larger. */
    @Test
    void ikeFragmentsFitALearnedPathMtu() {
        ConnectRequest r = TestRequests.aggressivePskXauth();
        ConnectRequest forced = new ConnectRequest(r.name(), r.gatewayHost(), r.ikePort(), r.phase1(), r.phase2(),
                r.credentials(), new ConnectRequest.Transport(ConnectRequest.NatTraversalMode.DISABLE, 4500, 15,
                        ConnectRequest.FragmentationMode.FORCE, 1400, true), r.config());
        sa = new IkeSa(forced, new JcaIkeCrypto(), new InetSocketAddress("192.0.2.2", 5000),
                new InetSocketAddress("192.0.2.2", 5001), new InetSocketAddress("192.0.2.1", 500));
        manager = new TaskManager(sa, message -> Optional.empty(), e -> {
        }, outputs::add, RetransmitPolicy.DEFAULT, new Random(1));
        IkeMessage big = new IkeMessage(IkeHeader.of(sa.initiatorCookie(), 0, ExchangeType.AGGRESSIVE, 0, 0),
                List.of(new VendorIdPayload(new byte[1300])));
        manager.sendOnce(big);
        assertEquals(1, sends(), "1300 bytes fit the profile's 1400");
        sa.pathMtu(576);
        manager.sendOnce(big);
        List<IkeOutput.Send> sent = outputs.stream().filter(o -> o instanceof IkeOutput.Send)
                .map(o -> (IkeOutput.Send) o).toList();
        assertTrue(sent.size() >= 4, "fragments: " + sent.size());
        assertTrue(sent.subList(1, sent.size()).stream().allMatch(d -> d.datagram().length <= 576 - 28));
    }
}
