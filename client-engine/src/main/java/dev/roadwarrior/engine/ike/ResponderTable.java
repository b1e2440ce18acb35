package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.task.QuickModeResponderTask;
import dev.roadwarrior.engine.ike.task.Task;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The responder table of one ISAKMP SA (strongSwan's {@code process_request}): the task that
 * answers a message of an exchange the gateway starts. A Quick Mode gets a
 * {@link QuickModeResponderTask} once the SA has keys and our virtual address is known, unless the SA
 * is being deleted, e.g. replaced by a phase 1 rekey ({@link IkeSaState#answersGatewayQuickMode}); XAuth and
 * Mode Config transactions go to {@link SaSetup}; informational messages need no task: they are
 * handled at once by {@link Informational} and what they said goes to the session.
 *
 * <p>Threading: confined to the engine thread.
 */
final class ResponderTable implements TaskManager.Responders {

    private static final System.Logger LOG = System.getLogger(ResponderTable.class.getName());

    private final IkeSa sa;
    private final Informational informational;
    private final TunnelUpkeep tunnel;
    private final SaSetup setup;
    private final Consumer<Informational.Received> received;

    /** @param received takes what a verified informational message said, for the session to apply */
    ResponderTable(IkeSa sa, Informational informational, TunnelUpkeep tunnel, SaSetup setup,
            Consumer<Informational.Received> received) {
        this.sa = sa;
        this.informational = informational;
        this.tunnel = tunnel;
        this.setup = setup;
        this.received = received;
    }

    @Override
    public Optional<Task> route(IkeMessage message) {
        ExchangeType type = message.header().exchangeType();
        if (type.equals(ExchangeType.INFORMATIONAL)) {
            informational.handle(message).ifPresent(received);
            return Optional.empty();
        }
        if (type.equals(ExchangeType.QUICK_MODE) && sa.hasKeys() && tunnel.virtualIp() != null) {
            if (!sa.state().answersGatewayQuickMode()) {
                LOG.log(System.Logger.Level.INFO, "not answering a Quick Mode the gateway started on an ISAKMP SA in state "
                        + sa.state());
                return Optional.empty();
            }
            return Optional.of(new QuickModeResponderTask(sa, tunnel.virtualIp()));
        }
        return type.equals(ExchangeType.TRANSACTION) && sa.hasKeys() ? setup.transaction(message) : Optional.empty();
    }
}
