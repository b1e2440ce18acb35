package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.AuthMethod;
import dev.roadwarrior.engine.api.ConnectRequest.HostConfig;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.phase1.AggressiveModeTask;
import dev.roadwarrior.engine.ike.phase1.MainModeTask;
import dev.roadwarrior.engine.ike.phase1.Phase1Authenticator;
import dev.roadwarrior.engine.ike.phase1.Phase1Task;
import dev.roadwarrior.engine.ike.proposal.Phase1Proposals;
import dev.roadwarrior.engine.ike.task.ModeConfigResult;
import dev.roadwarrior.engine.ike.task.ModeConfigTask;
import dev.roadwarrior.engine.ike.task.QuickModeResponderTask;
import dev.roadwarrior.engine.ike.task.QuickModeTask;
import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.engine.ike.task.XauthTask;
import dev.roadwarrior.engine.spi.Ipv4Network;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One ISAKMP SA from its phase 1 to its end, with the ESP SAs negotiated under it: phase 1, XAuth
 * when the gateway drives it, Mode Config, Quick Mode; then it keeps the SA pairs renewed
 * ({@link ChildSas}), answers the gateway's Quick Modes, deletes and R-U-THEREs, and watches the
 * gateway with dead peer detection. The connection that owns it ({@link IkeClient}) decides what
 * an end means: reconnect, or fail.
 *
 * <p>Threading: confined to the engine thread.
 */
final class IkeSaSession implements TaskManager.Listener {

    /** How long to wait for a gateway to start XAuth or push its configuration. */
    static final long GATEWAY_TURN_MILLIS = 30_000;
    /**
     * How long to wait for a gateway to start XAuth after phase 1, resending our last phase 1
     * message meanwhile: below strongSwan's 30 s limit for half-open SAs.
     */
    static final long XAUTH_START_MILLIS = 22_000;
    /** How long to wait for the user to answer a prompt. */
    static final long PROMPT_MILLIS = EngineEvent.CredentialsRequired.TIMEOUT_SECONDS * 1000L;
    private static final System.Logger LOG = System.getLogger(IkeSaSession.class.getName());

    /** Why the SA is set up; it decides what the user is told and what phase 1 announces. */
    enum Purpose {
        /** The connection's first SA. */
        CONNECT,
        /** A new SA after the connection broke: INITIAL-CONTACT clears what the gateway still holds. */
        RECONNECT,
        /** The renewal of a working SA (phase 1 rekey): quiet, and the old SA lives on meanwhile. */
        REKEY
    }

    /** What the session tells the connection that owns it. */
    interface Owner {
        /** Phase 1 succeeded: the gateway answered and proved who it is. */
        void reached(IkeSaSession session);

        /** The session's first SA pair is installed; the host needs {@code config}. */
        void tunnelReady(IkeSaSession session, TunnelConfig config, String algorithms);

        /** The gateway answers R-U-THERE but its ESP no longer arrives while ours goes out. */
        void starved(IkeSaSession session);

        /**
         * The SA ended on its own (failure, delete by the gateway, dead peer); the session closes
         * right after this call, so the owner may still {@link #adopt} its SA pairs.
         */
        void ended(IkeSaSession session, ConnectException why);
    }

    private final IkeSa sa;
    private final Purpose purpose;
    private final Owner owner;
    private final Consumer<IkeOutput> out;
    private final RandomGenerator random;
    private final InstantSource wall;
    private final TaskManager tasks;
    private final Informational informational;
    private final ChildSas children;
    private final Optional<Inet4Address> preferredAddress;
    private XauthTask xauth;
    private ModeConfigTask modeConfig;
    private ModeConfigResult config;
    private Inet4Address virtualIp;
    private QuickModeTask quickMode;
    private DeadPeerDetection dpd;
    private long authenticatedAt = -1;
    private boolean ready;
    private long waitDeadline = Long.MAX_VALUE;
    private boolean finished;
    private long now;

    /**
     * @param request the request with this session's own copy of the credentials, which the
     *     session wipes when it ends
     * @param preferredAddress the virtual address to ask Mode Config for (the one in use)
     */
    IkeSaSession(ConnectRequest request, IkeCrypto crypto, InetSocketAddress localIke, InetSocketAddress localNatt,
            InetSocketAddress gateway, RetransmitPolicy policy, RandomGenerator random, InstantSource wall, Purpose purpose,
            Optional<Inet4Address> preferredAddress, Owner owner, Consumer<IkeOutput> out) {
        this.sa = new IkeSa(request, crypto, localIke, localNatt, gateway, purpose != Purpose.REKEY);
        this.purpose = purpose;
        this.owner = owner;
        this.out = out;
        this.random = random;
        this.wall = wall;
        this.preferredAddress = preferredAddress;
        this.tasks = new TaskManager(sa, this, out, policy, random);
        this.informational = new Informational(sa, tasks);
        this.children = new ChildSas(out, informational, random, request.phase2().lifetimeSeconds());
    }

    Purpose purpose() {
        return purpose;
    }

    /** See {@link IkeSession#pathMtu}. */
    void pathMtu(int bytes) {
        sa.pathMtu(bytes);
    }

    long initiatorCookie() {
        return sa.initiatorCookie();
    }

    /** Whether dead peer detection was negotiated and runs. */
    boolean deadPeerDetectionActive() {
        return dpd != null;
    }

    /** When this session's IPsec SA pair is due for renewal; {@code Long.MAX_VALUE}: none. */
    long nextChildRekeyAt() {
        return children.nextRekeyAt();
    }

    boolean nattActive() {
        return sa.nattActive();
    }

    boolean finished() {
        return finished;
    }

    /** When phase 1 (and XAuth) succeeded, or -1. */
    long authenticatedAt() {
        return authenticatedAt;
    }

    /** The phase 1 lifetime: the shorter of ours and the gateway's (0: none). */
    long phase1LifetimeSeconds() {
        return Lifetimes.shorter(sa.request().phase1().lifetimeSeconds(),
                sa.phase1() == null ? 0 : sa.phase1().lifetimeSeconds());
    }

    /** Starts phase 1. */
    void start(long nowMillis) {
        now = nowMillis;
        if (purpose != Purpose.REKEY) {
            state(ConnectionState.CONNECTING);
        }
        Phase1Authenticator authenticator;
        try {
            authenticator = Phase1Authenticator.of(sa.request(), wall);
        } catch (ConnectException e) {
            failed(e);
            return;
        }
        progress(ProgressStep.CONTACTING_GATEWAY, sa.gateway().toString());
        tasks.queue(sa.request().phase1().exchange() == ConnectRequest.ExchangeMode.MAIN
                ? new MainModeTask(sa, authenticator) : new AggressiveModeTask(sa, authenticator), nowMillis);
    }

    void receive(byte[] datagram, long nowMillis) {
        now = nowMillis;
        if (!finished) {
            tasks.receive(datagram, nowMillis);
        }
    }

    void tick(long nowMillis) {
        now = nowMillis;
        if (finished) {
            return;
        }
        if (nowMillis >= waitDeadline) {
            waitDeadline = Long.MAX_VALUE;
            failed(overdue());
            return;
        }
        tasks.tick(nowMillis);
        if (finished) {
            return;
        }
        if (children.tick(nowMillis) == ChildSas.Due.REKEY) {
            renewChild();
        }
        if (dpd != null) {
            dpdTick();
        }
    }

    long nextDeadline() {
        if (finished) {
            return Long.MAX_VALUE;
        }
        long next = Math.min(Math.min(waitDeadline, tasks.nextDeadline()), children.nextDeadline());
        return dpd == null ? next : Math.min(next, dpd.nextDeadline());
    }

    /** What the data plane saw; may start a renewal (bytes) or feed dead peer detection. */
    void traffic(EspActivity activity, long nowMillis) {
        now = nowMillis;
        if (finished) {
            return;
        }
        children.traffic(activity);
        if (dpd != null) {
            dpd.esp(activity.lastInboundMillis(), activity.lastOutboundMillis());
        }
    }

    /** Checks at once whether the gateway is still there (after the machine resumed). */
    void probe(long nowMillis) {
        if (dpd != null && !finished) {
            dpd.probeSoon(nowMillis);
        }
    }

    /** Takes the user's answer to a prompt; false when this session has no such prompt. */
    boolean answer(String promptId, Map<CredentialKind, char[]> values, long nowMillis) {
        now = nowMillis;
        if (finished || xauth == null || xauth.prompt().filter(p -> p.promptId().equals(promptId)).isEmpty()) {
            return false;
        }
        try {
            Optional<IkeMessage> reply = xauth.answer(promptId, values);
            if (reply.isPresent()) {
                tasks.reply(xauth, reply.get().header().messageId(), reply.get(), true, nowMillis);
            }
        } catch (ConnectException e) {
            failed(e);
        }
        return true;
    }

    /** Takes over the SA pairs of the SA this one replaces (see {@link ChildSas#adopt}). */
    void adopt(IkeSaSession old, long nowMillis) {
        children.adopt(old.children, nowMillis);
    }

    /**
     * Ends the session without telling the owner: deletes its SA pairs and the ISAKMP SA at the
     * gateway when {@code tellGateway}, removes the pairs from the data plane, wipes the keys.
     */
    void close(boolean tellGateway) {
        if (finished) {
            return;
        }
        tasks.clear();
        children.clear(tellGateway && sa.hasKeys());
        if (tellGateway && sa.hasKeys()) {
            informational.deleteIkeSa();
        }
        sa.destroy();
        sa.request().credentials().destroy();
        finished = true;
    }

    @Override
    public Optional<Task> route(IkeMessage message) {
        ExchangeType type = message.header().exchangeType();
        if (type.equals(ExchangeType.INFORMATIONAL)) {
            informational.handle(message).ifPresent(this::informational);
            return Optional.empty();
        }
        if (type.equals(ExchangeType.QUICK_MODE) && sa.hasKeys() && virtualIp != null) {
            return Optional.of(new QuickModeResponderTask(sa, virtualIp));
        }
        if (type.equals(ExchangeType.TRANSACTION) && sa.hasKeys()) {
            if (xauth != null && xauth.outcome() == XauthTask.Outcome.PENDING) {
                return Optional.of(xauth);
            }
            boolean set = message.first(AttributePayload.class).filter(a -> a.messageType() == AttributePayload.SET)
                    .isPresent();
            if (config == null && set && sa.request().config().modeConfig() != ConnectRequest.ModeConfigMode.DISABLED) {
                if (modeConfig != null) {
                    tasks.cancel(modeConfig, now); // the gateway pushes although we asked: take what it pushes
                }
                modeConfig = new ModeConfigTask(sa);
                return Optional.of(modeConfig);
            }
        }
        return Optional.empty();
    }

    @Override
    public void heard() {
        if (dpd != null) {
            dpd.heard(now);
        }
    }

    @Override
    public void responded(Task task) {
        if (task instanceof QuickModeResponderTask qm) {
            children.install(qm.keys(), now, Long.MAX_VALUE);
        }
    }

    @Override
    public void abandoned(Task task) {
        if (task instanceof QuickModeResponderTask qm) {
            children.discard(qm.keys().inboundSpi());
        }
    }

    @Override
    public void completed(Task task) {
        if (task instanceof Phase1Task phase1) {
            phase1Done(phase1);
        } else if (task == xauth) {
            xauthDone();
        } else if (task == modeConfig) {
            waitDeadline = Long.MAX_VALUE;
            config = modeConfig.result().orElseThrow();
            progress(ProgressStep.CONFIGURATION_RECEIVED, "address " + config.address().getHostAddress());
            if (purpose == Purpose.CONNECT) {
                config.banner().ifPresent(b -> emit(new EngineEvent.Banner(b)));
                if (sa.request().phase1().auth().usesXauth()) {
                    emit(new EngineEvent.SavePassword(config.savePassword()));
                }
            }
            virtualIp = config.address();
            startQuickMode();
        } else if (task == quickMode) {
            ChildSaKeys keys = quickMode.keys();
            quickMode = null;
            String transform = keys.transform().toString();
            boolean first = !ready;
            // with no pair carrying traffic (the first of the connection, or the gateway deleted the
            // one in use) there is nothing to wait for; the first of a rekey replaces the old SA's pair
            boolean carrying = first ? purpose == Purpose.REKEY : children.up();
            children.install(keys, now, carrying ? now + ChildSas.ACTIVATE_DELAY_MILLIS : now);
            if (first) {
                tunnelReady(transform);
            } else {
                emit(new EngineEvent.Progress(ProgressStep.PHASE2_REKEYED, "ESP " + transform));
            }
        } else if (task instanceof QuickModeResponderTask qm) {
            children.confirm(qm.keys().inboundSpi(), now);
            emit(new EngineEvent.Progress(ProgressStep.PHASE2_REKEYED, "ESP " + qm.keys().transform()
                    + ", started by the gateway"));
        }
    }

    @Override
    public void waiting(Task task) {
        if (task == xauth && xauth.prompt().isPresent() && !xauth.retransmission()) {
            waitDeadline = now + PROMPT_MILLIS;
            emit(xauth.prompt().get());
        }
    }

    /**
     * Ends the session: the owner hears of it first (and may take over its SA pairs), then the
     * session closes, deleting what is left at the gateway unless the gateway is gone or did so.
     */
    @Override
    public void failed(ConnectException error) {
        if (finished) {
            return;
        }
        tasks.clear();
        owner.ended(this, error);
        FailureReason r = error.reason();
        close(r != FailureReason.GATEWAY_UNREACHABLE && r != FailureReason.PEER_DEAD
                && r != FailureReason.DELETED_BY_GATEWAY);
    }

    private void phase1Done(Phase1Task phase1) {
        owner.reached(this);
        progress(ProgressStep.GATEWAY_REACHED, sa.gateway().getAddress().getHostAddress());
        if (phase1.natDetected()) {
            progress(ProgressStep.NAT_DETECTED, "IKE and ESP continue on UDP port " + sa.gateway().getPort());
        }
        progress(ProgressStep.PHASE1_ESTABLISHED, phase1.gatewayIdentity() + ", IKE " + sa.phase1());
        if (purpose == Purpose.RECONNECT && sa.request().phase1().exchange() == ConnectRequest.ExchangeMode.AGGRESSIVE) {
            informational.initialContact(); // Aggressive Mode's third message is not where every gateway looks
        }
        if (sa.request().phase1().auth().usesXauth()) {
            if (purpose != Purpose.REKEY) {
                state(ConnectionState.AUTHENTICATING);
            }
            xauth = new XauthTask(sa);
            waitDeadline = now + XAUTH_START_MILLIS;
            tasks.resendLastUntilHeard(now);
        } else {
            authenticated();
            startModeConfig();
        }
    }

    private void xauthDone() {
        switch (xauth.outcome()) {
            case PENDING:
                waitDeadline = now + GATEWAY_TURN_MILLIS;
                if (!xauth.retransmission()) {
                    progress(ProgressStep.AUTHENTICATING_USER, xauth.gatewayMessage().orElse(""));
                }
                break;
            case SUCCEEDED:
                waitDeadline = Long.MAX_VALUE;
                progress(ProgressStep.USER_AUTHENTICATED, sa.request().credentials().xauthUser().orElse(""));
                authenticated();
                startModeConfig();
                break;
            case CREDENTIALS_REFUSED:
                failed(new ConnectException(FailureReason.WRONG_USER_PASSWORD, "the gateway refused the "
                        + xauth.answered() + " sent" + xauth.gatewayMessage().map(m -> ": \"" + m + "\"").orElse("")));
                break;
            default:
                failed(new ConnectException(FailureReason.IDENTITY_REJECTED, "the gateway ended user authentication"));
                break;
        }
    }

    private void authenticated() {
        authenticatedAt = now;
    }

    private void startModeConfig() {
        HostConfig host = sa.request().config();
        switch (host.modeConfig()) {
            case PULL:
                modeConfig = new ModeConfigTask(sa, preferredAddress);
                tasks.queue(modeConfig, now);
                break;
            case PUSH:
                waitDeadline = now + GATEWAY_TURN_MILLIS;
                break;
            default:
                Inet4Address address = host.staticAddress().orElse(null);
                if (address == null) {
                    failed(new ConnectException(FailureReason.NOT_SUPPORTED, "no virtual address: Mode Config is off and "
                            + "the profile has no static address"));
                    return;
                }
                virtualIp = address;
                startQuickMode();
        }
    }

    /** Negotiates a new SA pair to replace the current one, unless a Quick Mode is already under way. */
    private void renewChild() {
        children.rekeyStarted();
        if (quickMode == null && virtualIp != null) {
            startQuickMode();
        }
    }

    private void startQuickMode() {
        ConnectRequest.Phase2 phase2 = sa.request().phase2();
        Optional<Integer> unityPfs = config != null ? config.pfsGroup() : Optional.empty();
        Optional<Integer> pfs = phase2.pfsGroup().or(() -> phase2.gatewayPfs() ? unityPfs : Optional.empty());
        quickMode = new QuickModeTask(sa, virtualIp, new Ipv4Network(Ipv4Network.parseAddress("0.0.0.0"), 0), pfs);
        tasks.queue(quickMode, now);
    }

    private void tunnelReady(String transform) {
        ready = true;
        progress(ProgressStep.PHASE2_ESTABLISHED, "ESP " + transform);
        if (sa.request().transport().dpd() && sa.peerFeatures().contains(IkeSa.PeerFeature.DPD)) {
            dpd = new DeadPeerDetection(now, random.nextInt() & 0x3fff_ffff);
        }
        TunnelConfig settings = TunnelSettings.of(sa.request().config(), virtualIp, Optional.ofNullable(config),
                (Inet4Address) sa.gateway().getAddress());
        owner.tunnelReady(this, settings, "IKE " + sa.phase1() + ", ESP " + transform
                + (sa.nattActive() ? " in UDP" : ""));
    }

    private void informational(Informational.Received received) {
        for (int ack : received.dpdAcks()) {
            if (dpd != null && dpd.acked(ack, now)) {
                LOG.log(System.Logger.Level.DEBUG, "R-U-THERE-ACK " + ack);
            }
        }
        if (!received.errors().isEmpty()) {
            if (!ready) {
                failed(failure(received.errors().get(0)));
                return;
            }
            LOG.log(System.Logger.Level.WARNING, "the gateway reports " + received.errors() + "; the tunnel stays up");
        }
        if (received.deletedIkeSa()) {
            failed(new ConnectException(FailureReason.DELETED_BY_GATEWAY, "the gateway deleted the IKE SA"));
            return;
        }
        for (int spi : received.deletedSpis()) {
            if (children.deletedByGateway(spi)) {
                LOG.log(System.Logger.Level.INFO, "the gateway deleted the IPsec SA in use; negotiating a new one");
                renewChild();
            }
        }
    }

    private ConnectException failure(NotifyType type) {
        AuthMethod method = sa.request().phase1().auth();
        ConnectException e = Informational.failure(type, method.usesPreSharedKey() || method == AuthMethod.HYBRID_GRP_XAUTH);
        if (e.reason() != FailureReason.NO_PROPOSAL_CHOSEN) {
            return e;
        }
        return new ConnectException(e.reason(), e.detail() + "; " + (quickMode != null ? quickMode.offered()
                : Phase1Proposals.describe(sa.request().phase1(), sa.crypto())));
    }

    private void dpdTick() {
        switch (dpd.tick(now)) {
            case SEND:
                informational.areYouThere(dpd.sequence());
                break;
            case DEAD:
                failed(new ConnectException(FailureReason.PEER_DEAD, "no answer to " + DeadPeerDetection.TRIES
                        + " R-U-THERE (dead peer detection)"));
                break;
            case STARVED:
                owner.starved(this);
                break;
            default:
                break;
        }
    }

    /** Why waiting for the gateway or the user took too long. */
    private ConnectException overdue() {
        if (xauth != null && xauth.prompt().isPresent()) {
            return new ConnectException(FailureReason.CREDENTIALS_MISSING, "no answer to the gateway's question within "
                    + EngineEvent.CredentialsRequired.TIMEOUT_SECONDS + " s");
        }
        if (xauth != null && !xauth.started()) {
            return new ConnectException(FailureReason.XAUTH_NOT_STARTED, "no XAuth request within "
                    + XAUTH_START_MILLIS / 1000 + " s of phase 1");
        }
        if (xauth != null && xauth.outcome() == XauthTask.Outcome.PENDING) {
            return new ConnectException(FailureReason.PROTOCOL_ERROR, "the gateway did not finish user authentication (XAuth)");
        }
        return new ConnectException(FailureReason.PROTOCOL_ERROR, "the gateway did not send its configuration");
    }

    private void state(ConnectionState state) {
        emit(new EngineEvent.StateChanged(state));
    }

    /** Progress of the setup; a rekey goes unreported (the owner reports its outcome). */
    private void progress(ProgressStep step, String detail) {
        if (purpose != Purpose.REKEY) {
            emit(new EngineEvent.Progress(step, detail));
        }
    }

    private void emit(EngineEvent event) {
        out.accept(new IkeOutput.Emit(event));
    }
}
