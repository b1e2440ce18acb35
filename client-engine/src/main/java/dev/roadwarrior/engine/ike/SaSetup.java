package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.HostConfig;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.phase1.Phase1Task;
import dev.roadwarrior.engine.ike.task.ModeConfigResult;
import dev.roadwarrior.engine.ike.task.ModeConfigTask;
import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.engine.ike.task.XauthTask;
import java.net.Inet4Address;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The setup of one ISAKMP SA between phase 1 and its first Quick Mode, the {@link IkeSaSession}'s
 * helper: it moves the SA from {@link IkeSaState#PHASE1} through XAUTH and MODE_CONFIG to
 * QUICK_MODE, owns the XAuth and Mode Config tasks, the user's prompts, the setup's progress
 * reports, and the gateway's (or the user's) turns: how long the SA waits for the gateway to start
 * XAuth, push its configuration or finish a round, and for the user to answer.
 *
 * <p>Threading: confined to the engine thread.
 */
final class SaSetup {

    /** How long to wait for a gateway to start XAuth or push its configuration. */
    static final long GATEWAY_TURN_MILLIS = 30_000;
    /**
     * How long to wait for a gateway to start XAuth after phase 1, resending our last phase 1
     * message meanwhile: below strongSwan's 30 s limit for half-open SAs.
     */
    static final long XAUTH_START_MILLIS = 22_000;
    /** How long to wait for the user to answer a prompt. */
    static final long PROMPT_MILLIS = EngineEvent.CredentialsRequired.TIMEOUT_SECONDS * 1000L;

    private final IkeSa sa;
    private final TaskManager tasks;
    private final Informational informational;
    private final TunnelUpkeep tunnel;
    private final SessionPurpose purpose;
    private final Optional<Inet4Address> preferredAddress;
    private final Consumer<IkeOutput> out;
    private final Consumer<SessionEvent> events;
    private final Consumer<ConnectException> failed;
    private XauthTask xauth;
    private ModeConfigTask modeConfig;
    private ModeConfigResult config;
    private long authenticatedAt = -1;
    /** When the gateway's (or the user's) turn runs out. */
    private long turnEndsAt = Long.MAX_VALUE;

    /**
     * @param preferredAddress the virtual address to ask Mode Config for (the one in use)
     * @param events where the session's events go (for its client)
     * @param failed ends the session (it only records the failure)
     */
    SaSetup(IkeSa sa, TaskManager tasks, Informational informational, TunnelUpkeep tunnel, SessionPurpose purpose,
            Optional<Inet4Address> preferredAddress, Consumer<IkeOutput> out, Consumer<SessionEvent> events,
            Consumer<ConnectException> failed) {
        this.sa = sa;
        this.tasks = tasks;
        this.informational = informational;
        this.tunnel = tunnel;
        this.purpose = purpose;
        this.preferredAddress = preferredAddress;
        this.out = out;
        this.events = events;
        this.failed = failed;
    }

    /** When phase 1 (and XAuth) succeeded, or -1. */
    long authenticatedAt() {
        return authenticatedAt;
    }

    /** What Mode Config sent, once it ran. */
    Optional<ModeConfigResult> config() {
        return Optional.ofNullable(config);
    }

    /** Queues the Mode Config request the profile asks for; the task manager sends it in MODE_CONFIG. */
    void queueModeConfig(long now) {
        if (sa.request().config().modeConfig() == ConnectRequest.ModeConfigMode.PULL) {
            modeConfig = new ModeConfigTask(sa, preferredAddress);
            tasks.queue(modeConfig, now);
        }
    }

    /** Ends the session when the gateway's or the user's turn has run out; true when it did. */
    boolean overdue(long now) {
        if (now < turnEndsAt) {
            return false;
        }
        turnEndsAt = Long.MAX_VALUE;
        failed.accept(SessionFailures.overdue(xauth));
        return true;
    }

    long nextDeadline() {
        return turnEndsAt;
    }

    /** The task for a transaction exchange the gateway starts: an XAuth round, or pushed configuration. */
    Optional<Task> transaction(IkeMessage message) {
        if (xauth != null && xauth.outcome() == XauthTask.Outcome.PENDING) {
            return Optional.of(xauth);
        }
        boolean set = message.first(AttributePayload.class).filter(a -> a.messageType() == AttributePayload.SET)
                .isPresent();
        if (config != null || !set || sa.request().config().modeConfig() == ConnectRequest.ModeConfigMode.DISABLED) {
            return Optional.empty();
        }
        if (modeConfig != null) {
            tasks.cancel(modeConfig); // the gateway pushes although we asked: take what it pushes
        }
        modeConfig = new ModeConfigTask(sa);
        return Optional.of(modeConfig);
    }

    /** Takes the user's answer to a prompt; false when there is no such prompt. */
    boolean answer(String promptId, Map<CredentialKind, char[]> values, long now) {
        if (xauth == null || xauth.prompt().filter(p -> p.promptId().equals(promptId)).isEmpty()) {
            return false;
        }
        try {
            Optional<IkeMessage> reply = xauth.answer(promptId, values);
            if (reply.isPresent()) {
                tasks.reply(xauth, reply.get().header().messageId(), reply.get(), now);
            }
        } catch (ConnectException e) {
            failed.accept(e);
        }
        return true;
    }

    /** Phase 1 succeeded: XAuth follows when the profile uses it, else Mode Config. */
    void phase1Done(Phase1Task phase1, long now) {
        events.accept(new SessionEvent.Reached());
        progress(ProgressStep.GATEWAY_REACHED, sa.gateway().getAddress().getHostAddress());
        if (phase1.natDetected()) {
            progress(ProgressStep.NAT_DETECTED, "IKE and ESP continue on UDP port " + sa.gateway().getPort());
        }
        progress(ProgressStep.PHASE1_ESTABLISHED, phase1.gatewayIdentity() + ", IKE " + sa.phase1());
        if (purpose == SessionPurpose.RECONNECT
                && sa.request().phase1().exchange() == ConnectRequest.ExchangeMode.AGGRESSIVE) {
            informational.initialContact(); // Aggressive Mode's third message is not where every gateway looks
        }
        if (sa.request().phase1().auth().usesXauth()) {
            sa.state(IkeSaState.XAUTH);
            events.accept(new SessionEvent.Authenticating());
            xauth = new XauthTask(sa);
            turnEndsAt = now + XAUTH_START_MILLIS;
            tasks.resendLastUntilHeard(now);
        } else {
            authenticated(now);
        }
    }

    /** The gateway accepted the user. */
    void xauthDone(long now) {
        turnEndsAt = Long.MAX_VALUE;
        progress(ProgressStep.USER_AUTHENTICATED, sa.request().credentials().xauthUser().orElse(""));
        authenticated(now);
    }

    /** One XAuth round was answered ({@code task} is the XAuth task): the gateway's turn again. */
    void roundAnswered(Task task, long now) {
        if (task == xauth) {
            turnEndsAt = now + GATEWAY_TURN_MILLIS;
            if (!xauth.retransmission()) {
                progress(ProgressStep.AUTHENTICATING_USER, xauth.gatewayMessage().orElse(""));
            }
        }
    }

    /** An XAuth round waits for the user ({@code task} is the XAuth task): ask, unless asked already. */
    void waiting(Task task, long now) {
        if (task == xauth && xauth.prompt().isPresent() && !xauth.retransmission()) {
            turnEndsAt = now + PROMPT_MILLIS;
            emit(xauth.prompt().get());
        }
    }

    /** The configuration arrived: the first Quick Mode follows. */
    void modeConfigDone(long now) {
        turnEndsAt = Long.MAX_VALUE;
        config = modeConfig.result().orElseThrow();
        progress(ProgressStep.CONFIGURATION_RECEIVED, "address " + config.address().getHostAddress());
        if (purpose == SessionPurpose.CONNECT) {
            config.banner().ifPresent(b -> emit(new EngineEvent.Banner(b)));
            if (sa.request().phase1().auth().usesXauth()) {
                emit(new EngineEvent.SavePassword(config.savePassword()));
            }
        }
        sa.state(IkeSaState.QUICK_MODE);
        tunnel.start(config.address(), Optional.of(config), now);
    }

    /** Phase 1 (and XAuth) done: Mode Config as the profile says, or the static address. */
    private void authenticated(long now) {
        authenticatedAt = now;
        sa.state(IkeSaState.MODE_CONFIG);
        HostConfig host = sa.request().config();
        switch (host.modeConfig()) {
            case PULL:
                tasks.initiate(now); // the request queued at the start goes out now
                break;
            case PUSH:
                turnEndsAt = now + GATEWAY_TURN_MILLIS;
                break;
            default:
                Inet4Address address = host.staticAddress().orElse(null);
                if (address == null) {
                    failed.accept(new ConnectException(FailureReason.NOT_SUPPORTED, "no virtual address: Mode Config is "
                            + "off and the profile has no static address"));
                    return;
                }
                sa.state(IkeSaState.QUICK_MODE);
                tunnel.start(address, Optional.empty(), now);
        }
    }

    /** Progress of the setup; a rekey goes unreported (the client reports its outcome). */
    void progress(ProgressStep step, String detail) {
        if (purpose != SessionPurpose.REKEY) {
            emit(new EngineEvent.Progress(step, detail));
        }
    }

    private void emit(EngineEvent event) {
        out.accept(new IkeOutput.Emit(event));
    }
}
