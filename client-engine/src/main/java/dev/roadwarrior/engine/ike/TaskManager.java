package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest.FragmentationMode;
import dev.roadwarrior.engine.ike.codec.Defragmenter;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.Fragmenter;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.MessageRules;
import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import dev.roadwarrior.engine.ike.codec.payload.PayloadType;
import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.engine.ike.task.TaskResult;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Runs the tasks of one ISAKMP SA: sends their messages (encrypted and, where due, fragmented),
 * retransmits unanswered requests with {@link RetransmitPolicy}, reassembles fragments, answers
 * a gateway's retransmitted request with the cached reply, and routes each received message to
 * the task waiting for its message ID or, for an exchange the gateway starts, to the task the
 * {@link Listener} picks.
 *
 * <p>Only one initiator exchange is in flight at a time; further tasks wait in a queue.
 *
 * <p>A responder task may answer a gateway's request later (after asking the user): it returns
 * {@link TaskResult#waiting()} from {@code process}, the manager tells the {@link Listener}, drops
 * the gateway's retransmissions of that request meanwhile, and sends the answer given to
 * {@link #reply}.
 *
 * <p>A message that ends our part of an exchange (Aggressive Mode's third message, Quick Mode's
 * HASH(3), our answer to a gateway's XAuth or Mode Config message) is noticed lost only when the
 * gateway retransmits its own message, seconds later (strongSwan waits 4 s, then 7 s, 13 s ...),
 * while the connect waits: it is sent again {@link #FINAL_REPEATS_MILLIS} later (a gateway takes
 * the copies for retransmissions).
 *
 * <p>A message that ends our part of an exchange after which the gateway must start the next one
 * (Aggressive Mode's third message, before XAuth) can be resent on our own timer until a message
 * of the gateway's arrives ({@link #resendLastUntilHeard}): a gateway does not retransmit the
 * message that third one answered, so losing all its copies would otherwise stall the connect.
 *
 * <p>A responder task whose answer awaits a third message (a Quick Mode the gateway starts) returns
 * {@link TaskResult#needMore}: the answer is retransmitted until that message comes, independently
 * of our own exchange in flight; the manager gives up on it quietly ({@link Listener#abandoned}).
 *
 * <p>Threading: confined to the engine thread.
 */
public final class TaskManager {

    /** What the manager needs from the connection that owns it. */
    public interface Listener {
        /** The task for a message that belongs to no exchange in flight, or empty to drop it. */
        Optional<Task> route(IkeMessage message);

        /** A task finished. */
        void completed(Task task);

        /**
         * A task processed a message of an exchange the gateway started and will answer it later
         * through {@link TaskManager#reply}; until then the gateway's retransmissions are dropped.
         */
        default void waiting(Task task) {
        }

        /**
         * A responder task answered the gateway's request and now waits for its final message
         * (see {@link TaskResult#needMore}).
         */
        default void responded(Task task) {
        }

        /** A responder task got no final message after every retransmission of its answer. */
        default void abandoned(Task task) {
        }

        /** A message from the gateway decrypted and was processed by a task: a sign of life. */
        default void heard() {
        }

        /** The connection must end: an exchange gave up or a task failed. */
        void failed(ConnectException error);
    }

    /** When a message that ends our part of an exchange is sent again, after its first transmission. */
    static final long[] FINAL_REPEATS_MILLIS = {500, 1_500};
    /** How often {@link #resendLastUntilHeard} sends the last message again. */
    static final long RESEND_MILLIS = 3_000;
    private static final System.Logger LOG = System.getLogger(TaskManager.class.getName());

    private final IkeSa sa;
    private final Listener listener;
    private final Consumer<IkeOutput> output;
    private final RetransmitPolicy policy;
    private final RandomGenerator random;
    private final Deque<Task> queue = new ArrayDeque<>();
    private final Defragmenter defragmenter = new Defragmenter();
    /** Per message ID: the last datagram received and the reply we sent to it. */
    private final Map<Integer, byte[][]> replies = new HashMap<>();
    /** Per message ID: answers of responder tasks that wait for the gateway's final message. */
    private final Map<Integer, Outstanding> responding = new HashMap<>();
    /** Copies of final messages still to be sent (see {@link #FINAL_REPEATS_MILLIS}). */
    private final List<Repeat> repeats = new ArrayList<>();
    private Outstanding outstanding;
    private int fragmentId;
    /** The datagrams of the last message sent, and when they are next sent again (see {@link #resendLastUntilHeard}). */
    private List<byte[]> lastSent = List.of();
    private boolean lastSentNatt;
    private long resendAt = Long.MAX_VALUE;

    /** A copy of a final message, due at {@code at}. */
    private record Repeat(List<byte[]> datagrams, boolean natt, long at) {
    }

    /** A request awaiting its answer. */
    private static final class Outstanding {
        final Task task;
        final int messageId;
        final List<byte[]> datagrams;
        final boolean natt;
        int attempt;
        long deadline;

        Outstanding(Task task, int messageId, List<byte[]> datagrams, boolean natt) {
            this.task = task;
            this.messageId = messageId;
            this.datagrams = datagrams;
            this.natt = natt;
        }
    }

    public TaskManager(IkeSa sa, Listener listener, Consumer<IkeOutput> output, RetransmitPolicy policy,
            RandomGenerator random) {
        this.sa = sa;
        this.listener = listener;
        this.output = output;
        this.policy = policy;
        this.random = random;
    }

    /** Queues an initiator task; it starts at once when no exchange is in flight. */
    public void queue(Task task, long now) {
        queue.add(task);
        startNext(now);
    }

    /** Whether an initiator exchange is in flight or queued. */
    public boolean busy() {
        return outstanding != null || !queue.isEmpty();
    }

    /** Drops {@code task}'s exchange, queued or in flight, without failing; the next one starts. */
    public void cancel(Task task, long now) {
        queue.remove(task);
        if (outstanding != null && outstanding.task == task) {
            outstanding = null;
        }
        startNext(now);
    }

    /**
     * Sends the last message sent again every {@link #RESEND_MILLIS} until a message from the
     * gateway is processed by a task (or {@link #clear}).
     */
    public void resendLastUntilHeard(long now) {
        resendAt = lastSent.isEmpty() ? Long.MAX_VALUE : now + RESEND_MILLIS;
    }

    /** Drops every queued and in-flight exchange (before a teardown). */
    public void clear() {
        resendAt = Long.MAX_VALUE;
        queue.clear();
        outstanding = null;
        responding.clear();
        repeats.clear();
    }

    /** Sends a message that needs no answer (a notify, a delete). */
    public void sendOnce(IkeMessage message) {
        for (byte[] d : datagrams(sa.protect(message), message.header().exchangeType())) {
            output.accept(new IkeOutput.Send(d, sa.nattActive()));
        }
    }

    /** Handles one received IKE datagram. */
    public void receive(byte[] datagram, long now) {
        try {
            IkeHeader header = IkeHeader.decode(datagram);
            if (header.initiatorCookie() != sa.initiatorCookie()) {
                LOG.log(System.Logger.Level.DEBUG, "dropping a message for another SA");
                return;
            }
            if (header.nextPayload().equals(PayloadType.FRAGMENT)) {
                IkeMessage fragment = IkeMessage.decode(datagram);
                Optional<FragmentPayload> payload = fragment.first(FragmentPayload.class);
                if (payload.isPresent()) {
                    Optional<byte[]> whole = defragmenter.add(payload.get(), now);
                    if (whole.isPresent()) {
                        receive(whole.get(), now);
                    }
                }
                return;
            }
            if (sa.responderCookie() != 0 && header.responderCookie() != sa.responderCookie()) {
                LOG.log(System.Logger.Level.DEBUG, "dropping a message with a wrong responder cookie");
                return;
            }
            byte[][] cached = replies.get(header.messageId());
            if (cached != null && Arrays.equals(cached[0], datagram)) {
                if (cached[1] != null) {
                    LOG.log(System.Logger.Level.DEBUG, "the gateway retransmitted; replaying our answer");
                    for (byte[] d : datagrams(cached[1], header.exchangeType())) {
                        output.accept(new IkeOutput.Send(d, sa.nattActive()));
                    }
                }
                return;
            }
            IkeMessage message = sa.unprotect(datagram);
            MessageRules.validate(message, header.isEncrypted());
            // an informational message never answers an exchange (some gateways send phase 1 notifies with ID 0)
            Outstanding awaited = header.exchangeType().equals(ExchangeType.INFORMATIONAL) ? null
                    : outstanding != null && outstanding.messageId == header.messageId() ? outstanding
                    : responding.get(header.messageId());
            Task task = awaited != null ? awaited.task : listener.route(message).orElse(null);
            if (task == null) {
                LOG.log(System.Logger.Level.DEBUG, "no task for " + header);
                return;
            }
            TaskResult result = task.process(message);
            sa.confirm(header.messageId());
            resendAt = Long.MAX_VALUE;
            listener.heard();
            boolean ours = awaited != null && awaited == outstanding;
            if (ours) {
                outstanding = null;
            } else if (awaited != null) {
                responding.remove(header.messageId());
            }
            byte[] sent = null;
            if (result.send().isPresent()) {
                IkeMessage reply = result.send().get();
                if (result.done() || !ours) {
                    sent = sa.protect(reply);
                    List<byte[]> ds = datagrams(sent, reply.header().exchangeType());
                    for (byte[] d : ds) {
                        output.accept(new IkeOutput.Send(d, sa.nattActive()));
                    }
                    remember(ds);
                    if (!result.done()) {
                        awaitFinal(task, header.messageId(), ds, now);
                    } else {
                        repeatLater(ds, now);
                    }
                } else {
                    send(task, reply, now);
                }
            }
            replies.put(header.messageId(), new byte[][] {datagram, sent});
            if (result.done()) {
                listener.completed(task);
            } else if (!ours && result.send().isEmpty()) {
                listener.waiting(task);
            } else if (!ours) {
                listener.responded(task);
            }
            startNext(now);
        } catch (IkeProtocolException e) {
            LOG.log(System.Logger.Level.WARNING, "dropping a bad message: " + e.notifyType() + " " + e.detail());
        } catch (ConnectException e) {
            clear();
            listener.failed(e);
        }
    }

    /**
     * Sends a responder task's late answer to the gateway's request {@code messageId} (see
     * {@link Listener#waiting}); it is replayed when the gateway retransmits that request.
     *
     * @param done whether the task is finished, so that the listener hears of it
     */
    public void reply(Task task, int messageId, IkeMessage reply, boolean done, long now) {
        byte[] sent = sa.protect(reply);
        List<byte[]> ds = datagrams(sent, reply.header().exchangeType());
        for (byte[] d : ds) {
            output.accept(new IkeOutput.Send(d, sa.nattActive()));
        }
        repeatLater(ds, now);
        byte[][] cached = replies.get(messageId);
        if (cached != null) {
            cached[1] = sent;
        }
        if (done) {
            listener.completed(task);
        }
        startNext(now);
    }

    /** Retransmits or gives up on the requests and answers in flight when their time has come. */
    public void tick(long now) {
        if (now >= resendAt) {
            resendAt = now + RESEND_MILLIS;
            LOG.log(System.Logger.Level.DEBUG, "nothing from the gateway yet; sending our last message again");
            lastSent.forEach(d -> output.accept(new IkeOutput.Send(d, lastSentNatt)));
        }
        for (Repeat r : List.copyOf(repeats)) {
            if (now >= r.at()) {
                repeats.remove(r);
                r.datagrams().forEach(d -> output.accept(new IkeOutput.Send(d, r.natt())));
            }
        }
        for (Outstanding r : List.copyOf(responding.values())) {
            if (now >= r.deadline && !retransmit(r, now)) {
                responding.remove(r.messageId);
                LOG.log(System.Logger.Level.INFO, "the gateway did not finish its " + r.task.getClass().getSimpleName());
                listener.abandoned(r.task);
            }
        }
        if (outstanding == null || now < outstanding.deadline || retransmit(outstanding, now)) {
            return;
        }
        Task task = outstanding.task;
        clear();
        listener.failed(new ConnectException(dev.roadwarrior.engine.api.FailureReason.GATEWAY_UNREACHABLE,
                "no answer to " + task.getClass().getSimpleName() + " after " + (policy.retransmissions() + 1)
                        + " transmissions"));
    }

    /** When {@link #tick} is next due, or {@link Long#MAX_VALUE}. */
    public long nextDeadline() {
        long next = Math.min(resendAt, outstanding == null ? Long.MAX_VALUE : outstanding.deadline);
        for (Outstanding r : responding.values()) {
            next = Math.min(next, r.deadline);
        }
        for (Repeat r : repeats) {
            next = Math.min(next, r.at());
        }
        return next;
    }

    /** Sends {@code o} again, or returns false when it has been sent as often as the policy allows. */
    private boolean retransmit(Outstanding o, long now) {
        if (o.attempt >= policy.retransmissions()) {
            return false;
        }
        o.attempt++;
        for (byte[] d : o.datagrams) {
            output.accept(new IkeOutput.Send(d, o.natt));
        }
        o.deadline = now + policy.timeoutMillis(o.attempt, random);
        return true;
    }

    /** Schedules the copies of a message that ends our part of an exchange. */
    private void repeatLater(List<byte[]> datagrams, long now) {
        for (long delay : FINAL_REPEATS_MILLIS) {
            repeats.add(new Repeat(datagrams, sa.nattActive(), now + delay));
        }
    }

    /** Keeps a responder's answer for retransmission until the gateway's final message arrives. */
    private void awaitFinal(Task task, int messageId, List<byte[]> datagrams, long now) {
        Outstanding r = new Outstanding(task, messageId, datagrams, sa.nattActive());
        r.deadline = now + policy.timeoutMillis(0, random);
        responding.put(messageId, r);
    }

    private void startNext(long now) {
        while (outstanding == null && !queue.isEmpty()) {
            Task task = queue.poll();
            try {
                send(task, task.build(), now);
            } catch (ConnectException e) {
                clear();
                listener.failed(e);
            }
        }
    }

    private void send(Task task, IkeMessage message, long now) {
        List<byte[]> ds = datagrams(sa.protect(message), message.header().exchangeType());
        outstanding = new Outstanding(task, message.header().messageId(), ds, sa.nattActive());
        for (byte[] d : ds) {
            output.accept(new IkeOutput.Send(d, sa.nattActive()));
        }
        remember(ds);
        outstanding.deadline = now + policy.timeoutMillis(0, random);
    }

    private void remember(List<byte[]> datagrams) {
        lastSent = datagrams;
        lastSentNatt = sa.nattActive();
    }

    /** The datagram itself, or its fragments when fragmentation is due. */
    private List<byte[]> datagrams(byte[] datagram, ExchangeType exchangeType) {
        FragmentationMode mode = sa.request().transport().fragmentation();
        // the profile's fragment size, or less when the path towards the gateway turned out smaller (IPv4 + UDP headers)
        int limit = Math.min(sa.request().transport().fragmentSize(), sa.pathMtu() - 28) - (sa.nattActive() ? 4 : 0);
        boolean due = mode == FragmentationMode.FORCE
                || mode == FragmentationMode.ENABLE && sa.peerFeatures().contains(IkeSa.PeerFeature.FRAGMENTATION);
        if (!due || datagram.length <= limit || limit <= Fragmenter.OVERHEAD) {
            return List.of(datagram);
        }
        ExchangeType phase1 = sa.request().phase1().exchange()
                == dev.roadwarrior.engine.api.ConnectRequest.ExchangeMode.MAIN ? ExchangeType.MAIN_MODE
                : ExchangeType.AGGRESSIVE;
        fragmentId = (fragmentId + 1) & 0xffff;
        return Fragmenter.split(datagram, phase1, fragmentId, limit);
    }

    static int messageIdOf(byte[] datagram) {
        return ByteBuffer.wrap(datagram, 20, 4).getInt();
    }
}
