package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.codec.Defragmenter;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.MessageRules;
import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import dev.roadwarrior.engine.ike.codec.payload.PayloadType;
import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.engine.ike.task.TaskResult;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Runs the tasks of one ISAKMP SA, as strongSwan's {@code task_manager_v1}: it owns which
 * exchange starts when, sending (encrypted and, where due, fragmented), retransmitting unanswered
 * requests with {@link RetransmitPolicy}, reassembling fragments, answering a gateway's
 * retransmitted request from the bounded {@link ReplyCache}, and routing each received message to
 * the task waiting for its message ID or, for an exchange the gateway starts, to the responder
 * task the session's {@link Responders} table picks.
 *
 * <p>Initiator tasks wait in a queue; {@link #initiate} starts the first one the SA's
 * {@link IkeSaState} allows ({@link IkeSaState#allows}: phase 1 only while CREATED, Mode Config
 * while MODE_CONFIG, Quick Mode once the SA carries the tunnel, DPD once it has). Only one
 * exchange that awaits an answer is in flight at a time; a one-way exchange (DPD's R-U-THERE)
 * does not wait for it. A phase 1 rekey is queued too ({@link #queueRekey}) and started when
 * the state allows it; its exchanges run on the new SA.
 *
 * <p>What happens is reported as {@link TaskEvent}s to the event sink, which the session applies
 * after the manager's call returns: nothing calls back into the session mid-message.
 *
 * <p>A responder task may answer a gateway's request later (after asking the user): it returns
 * {@link TaskResult#waiting()}, the manager reports {@link TaskEvent.Waiting}, drops the gateway's
 * retransmissions of that request meanwhile, and sends the answer given to {@link #reply}.
 *
 * <p>Final messages, which no one acknowledges, are sent again by {@link FinalRepeats}.
 *
 * <p>A responder task whose answer awaits a third message (a Quick Mode the gateway starts) returns
 * {@link TaskResult#needMore}: the answer is retransmitted until that message comes, independently
 * of our own exchange in flight; the manager gives up on it quietly ({@link TaskEvent.Abandoned}).
 *
 * <p>A protected message that fails to decrypt, parse or verify is dropped and reported as
 * {@link TaskEvent.Malformed} with the notify it deserves; the session decides whether to answer.
 *
 * <p>Threading: confined to the engine thread.
 */
public final class TaskManager {

    /** The responder table: the task for a message that belongs to no exchange in flight. */
    @FunctionalInterface
    public interface Responders {
        /** The task for {@code message}, or empty to drop it. */
        Optional<Task> route(IkeMessage message);
    }

    private static final System.Logger LOG = System.getLogger(TaskManager.class.getName());

    private final IkeSa sa;
    private final Responders responders;
    private final Consumer<TaskEvent> events;
    private final Consumer<IkeOutput> output;
    private final RetransmitPolicy policy;
    private final RandomGenerator random;
    private final LinkedList<Task> queue = new LinkedList<>();
    private final Defragmenter defragmenter = new Defragmenter();
    private final OutboundFragments fragments;
    private final ReplyCache replies = new ReplyCache();
    /** Per message ID: answers of responder tasks that wait for the gateway's final message. */
    private final Map<Integer, Outstanding> responding = new HashMap<>();
    private final FinalRepeats repeats;
    private Outstanding outstanding;
    private boolean rekeyQueued;

    /**
     * @param responders picks the responder task for an exchange the gateway starts
     * @param events receives what happened, to be applied once the manager's call has returned
     */
    public TaskManager(IkeSa sa, Responders responders, Consumer<TaskEvent> events, Consumer<IkeOutput> output,
            RetransmitPolicy policy, RandomGenerator random) {
        this.sa = sa;
        this.responders = responders;
        this.events = events;
        this.output = output;
        this.policy = policy;
        this.random = random;
        this.fragments = new OutboundFragments(sa);
        this.repeats = new FinalRepeats(output);
    }

    /** Queues an initiator task; it starts as soon as the SA's state allows it and nothing is in flight. */
    public void queue(Task task, long now) {
        queue.add(task);
        initiate(now);
    }

    /**
     * Queues a phase 1 rekey: a new ISAKMP SA is to replace this one. It starts once the state
     * allows it ({@link IkeSaState#allowsRekey}), reported as {@link TaskEvent.RekeyStarted}; its
     * exchanges run on the new SA, so it does not wait for an exchange in flight on this one.
     */
    public void queueRekey(long now) {
        rekeyQueued = true;
        initiate(now);
    }

    /**
     * Starts what the SA's state allows (strongSwan's {@code initiate()}): a queued phase 1 rekey;
     * the queued one-way exchanges (DPD); and, when no initiator exchange is in flight, the first
     * queued task whose type the state allows.
     */
    public void initiate(long now) {
        if (rekeyQueued && sa.state().allowsRekey()) {
            rekeyQueued = false;
            events.accept(new TaskEvent.RekeyStarted());
        }
        Iterator<Task> it = queue.iterator();
        while (it.hasNext()) {
            Task task = it.next();
            boolean oneWay = task.type().oneWay();
            if (outstanding != null && !oneWay || !sa.state().allows(task.type())) {
                continue;
            }
            it.remove();
            try {
                if (oneWay) {
                    sendOnce(task.build());
                } else {
                    send(task, task.build(), now);
                }
            } catch (ConnectException e) {
                fail(e);
                return;
            }
        }
    }

    /** Whether an initiator exchange is in flight or queued. */
    public boolean busy() {
        return outstanding != null || !queue.isEmpty();
    }

    /** Drops {@code task}'s exchange, queued or in flight, without failing; the next one starts at the next {@link #initiate}. */
    public void cancel(Task task) {
        queue.remove(task);
        if (outstanding != null && outstanding.task == task) {
            outstanding = null;
        }
    }

    /** See {@link FinalRepeats#resendLastUntilHeard}: until a message from the gateway is processed by a task. */
    public void resendLastUntilHeard(long now) {
        repeats.resendLastUntilHeard(now);
    }

    /** Drops every queued and in-flight exchange (before a teardown). */
    public void clear() {
        repeats.clear();
        queue.clear();
        rekeyQueued = false;
        outstanding = null;
        responding.clear();
    }

    /** Sends a message that needs no answer (a notify, a delete). */
    public void sendOnce(IkeMessage message) {
        sendAll(fragments.datagrams(sa.protect(message)), sa.nattActive());
    }

    /** Handles one received IKE datagram. */
    public void receive(byte[] datagram, long now) {
        IkeHeader header;
        try {
            header = IkeHeader.decode(datagram);
        } catch (IkeProtocolException e) {
            LOG.log(System.Logger.Level.DEBUG, "dropping a datagram that is no ISAKMP message: " + e.detail());
            return;
        }
        if (header.initiatorCookie() != sa.initiatorCookie()) {
            LOG.log(System.Logger.Level.DEBUG, "dropping a message for another SA");
            return;
        }
        try {
            if (header.nextPayload().equals(PayloadType.FRAGMENT)) {
                Optional<FragmentPayload> payload = IkeMessage.decode(datagram).first(FragmentPayload.class);
                Optional<byte[]> whole = payload.isPresent() ? defragmenter.add(payload.get(), now) : Optional.empty();
                if (whole.isPresent()) {
                    receive(whole.get(), now);
                }
                return;
            }
            if (sa.responderCookie() != 0 && header.responderCookie() != sa.responderCookie()) {
                LOG.log(System.Logger.Level.DEBUG, "dropping a message with a wrong responder cookie");
                return;
            }
            if (replies.repeats(header.messageId(), datagram)) {
                replies.reply(header.messageId()).ifPresent(reply -> {
                    LOG.log(System.Logger.Level.DEBUG, "the gateway retransmitted; replaying our answer");
                    sendAll(fragments.datagrams(reply), sa.nattActive());
                });
                return;
            }
            IkeMessage message = sa.unprotect(datagram);
            MessageRules.validate(message, header.isEncrypted());
            dispatch(header, message, datagram, now);
        } catch (IkeProtocolException e) {
            LOG.log(System.Logger.Level.WARNING, "dropping a bad message: " + e.notifyType() + " " + e.detail());
            if (header.isEncrypted() && !header.exchangeType().equals(ExchangeType.INFORMATIONAL)) {
                events.accept(new TaskEvent.Malformed(e.notifyType()));
            }
        } catch (ConnectException e) {
            fail(e);
        }
    }

    /** Hands a valid message to its task and carries out the task's result. */
    private void dispatch(IkeHeader header, IkeMessage message, byte[] datagram, long now)
            throws IkeProtocolException, ConnectException {
        // an informational message never answers an exchange (some gateways send phase 1 notifies with ID 0)
        Outstanding awaited = header.exchangeType().equals(ExchangeType.INFORMATIONAL) ? null
                : outstanding != null && outstanding.messageId == header.messageId() ? outstanding
                : responding.get(header.messageId());
        Task task = awaited != null ? awaited.task : responders.route(message).orElse(null);
        if (task == null) {
            LOG.log(System.Logger.Level.DEBUG, "no task for " + header);
            return;
        }
        TaskResult result = task.process(message);
        sa.confirm(header.messageId());
        repeats.heard();
        events.accept(new TaskEvent.Heard());
        boolean ours = awaited != null && awaited == outstanding;
        if (ours) {
            outstanding = null;
        } else if (awaited != null) {
            responding.remove(header.messageId());
        }
        byte[] sent = null;
        if (result.send().isPresent()) {
            IkeMessage reply = result.send().get();
            if (ours && result.awaitsAnswer()) {
                send(task, reply, now);
            } else {
                sent = sa.protect(reply);
                List<byte[]> ds = fragments.datagrams(sent);
                sendAll(ds, sa.nattActive());
                repeats.sent(ds, sa.nattActive());
                if (result.awaitsAnswer()) { // kept for retransmission until the gateway's final message
                    responding.put(header.messageId(),
                            new Outstanding(task, header.messageId(), ds, sa.nattActive(), policy, random, now));
                } else {
                    repeats.repeatLater(ds, sa.nattActive(), now);
                }
            }
        }
        replies.put(header.messageId(), datagram, Optional.ofNullable(sent));
        switch (result.status()) {
            case SUCCESS:
                events.accept(new TaskEvent.Completed(task));
                break;
            case FAILED:
                fail(result.error().orElseThrow());
                return;
            default:
                if (!ours) {
                    events.accept(result.send().isEmpty() ? new TaskEvent.Waiting(task) : new TaskEvent.Answered(task));
                }
        }
        initiate(now);
    }

    /**
     * Sends a responder task's late answer to the gateway's request {@code messageId} (see
     * {@link TaskEvent.Waiting}); it is replayed when the gateway retransmits that request.
     */
    public void reply(Task task, int messageId, IkeMessage reply, long now) {
        byte[] sent = sa.protect(reply);
        List<byte[]> ds = fragments.datagrams(sent);
        sendAll(ds, sa.nattActive());
        repeats.repeatLater(ds, sa.nattActive(), now);
        replies.answer(messageId, sent);
        events.accept(new TaskEvent.Answered(task));
        initiate(now);
    }

    /** Retransmits or gives up on the requests and answers in flight when their time has come. */
    public void tick(long now) {
        repeats.tick(now);
        for (Outstanding r : List.copyOf(responding.values())) {
            if (now >= r.deadline() && !r.retransmit(policy, random, output, now)) {
                responding.remove(r.messageId);
                LOG.log(System.Logger.Level.INFO, "the gateway did not finish its " + r.task.getClass().getSimpleName());
                events.accept(new TaskEvent.Abandoned(r.task));
            }
        }
        if (outstanding == null || now < outstanding.deadline() || outstanding.retransmit(policy, random, output, now)) {
            return;
        }
        fail(new ConnectException(FailureReason.GATEWAY_UNREACHABLE, "no answer to "
                + outstanding.task.getClass().getSimpleName() + " after " + (policy.retransmissions() + 1)
                + " transmissions"));
    }

    /** When {@link #tick} is next due, or {@link Long#MAX_VALUE}. */
    public long nextDeadline() {
        long next = Math.min(repeats.nextDeadline(), outstanding == null ? Long.MAX_VALUE : outstanding.deadline());
        for (Outstanding r : responding.values()) {
            next = Math.min(next, r.deadline());
        }
        return next;
    }

    private void fail(ConnectException e) {
        clear();
        events.accept(new TaskEvent.Failed(e));
    }

    private void send(Task task, IkeMessage message, long now) {
        List<byte[]> ds = fragments.datagrams(sa.protect(message));
        sendAll(ds, sa.nattActive());
        repeats.sent(ds, sa.nattActive());
        outstanding = new Outstanding(task, message.header().messageId(), ds, sa.nattActive(), policy, random, now);
    }

    private void sendAll(List<byte[]> datagrams, boolean natt) {
        for (byte[] d : datagrams) {
            output.accept(new IkeOutput.Send(d, natt));
        }
    }
}
