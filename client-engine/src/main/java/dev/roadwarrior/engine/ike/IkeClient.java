package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
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
import dev.roadwarrior.engine.ike.phase1.AggressiveModeTask;
import dev.roadwarrior.engine.ike.phase1.MainModeTask;
import dev.roadwarrior.engine.ike.phase1.Phase1Authenticator;
import dev.roadwarrior.engine.ike.phase1.Phase1Task;
import dev.roadwarrior.engine.ike.proposal.Phase1Proposals;
import dev.roadwarrior.engine.ike.task.ModeConfigResult;
import dev.roadwarrior.engine.ike.task.ModeConfigTask;
import dev.roadwarrior.engine.ike.task.QuickModeTask;
import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.engine.ike.task.XauthTask;
import dev.roadwarrior.engine.spi.Ipv4Network;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The IKEv1 client for one connection: phase 1, then XAuth when the gateway drives it, Mode
 * Config, and Quick Mode; then it keeps the SAs until disconnect. The order of exchanges lives
 * here; sending, retransmitting and routing messages is the {@link TaskManager}'s.
 */
public final class IkeClient implements IkeSession, TaskManager.Listener {

    /** How long to wait for a gateway to start XAuth or push its configuration. */
    static final long GATEWAY_TURN_MILLIS = 30_000;
    /** How long to wait for the user to answer a prompt. */
    static final long PROMPT_MILLIS = EngineEvent.CredentialsRequired.TIMEOUT_SECONDS * 1000L;

    private final IkeSa sa;
    private final TaskManager tasks;
    private final Informational informational;
    private final List<IkeOutput> outputs = new ArrayList<>();
    private XauthTask xauth;
    private ModeConfigTask modeConfig;
    private ModeConfigResult config;
    private QuickModeTask quickMode;
    private ChildSaKeys child;
    private long waitDeadline = Long.MAX_VALUE;
    private boolean finished;
    private long now;

    public IkeClient(ConnectRequest request, IkeCrypto crypto, InetSocketAddress localIke, InetSocketAddress localNatt,
            InetSocketAddress gateway, RetransmitPolicy policy, RandomGenerator random) {
        this.sa = new IkeSa(request, crypto, localIke, localNatt, gateway);
        this.tasks = new TaskManager(sa, this, outputs::add, policy, random);
        this.informational = new Informational(sa, tasks);
    }

    @Override
    public void start(long nowMillis) {
        now = nowMillis;
        state(ConnectionState.CONNECTING);
        Phase1Authenticator authenticator;
        try {
            authenticator = Phase1Authenticator.of(sa.request(), Clock.systemUTC());
        } catch (ConnectException e) {
            failed(e);
            return;
        }
        progress(ProgressStep.CONTACTING_GATEWAY, sa.gateway().toString());
        tasks.queue(sa.request().phase1().exchange() == ConnectRequest.ExchangeMode.MAIN
                ? new MainModeTask(sa, authenticator) : new AggressiveModeTask(sa, authenticator), nowMillis);
    }

    @Override
    public void receive(byte[] datagram, boolean viaNatt, long nowMillis) {
        now = nowMillis;
        if (!finished) {
            tasks.receive(datagram, nowMillis);
        }
    }

    @Override
    public void tick(long nowMillis) {
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
    }

    @Override
    public long nextDeadline() {
        return finished ? Long.MAX_VALUE : Math.min(waitDeadline, tasks.nextDeadline());
    }

    @Override
    public void answer(String promptId, Map<CredentialKind, char[]> values, long nowMillis) {
        now = nowMillis;
        if (finished || xauth == null) {
            values.values().forEach(v -> Arrays.fill(v, '\0'));
            return;
        }
        try {
            Optional<IkeMessage> reply = xauth.answer(promptId, values);
            if (reply.isPresent()) {
                tasks.reply(xauth, reply.get().header().messageId(), reply.get(), true, nowMillis);
            }
        } catch (ConnectException e) {
            failed(e);
        }
    }

    @Override
    public void disconnect(long nowMillis) {
        now = nowMillis;
        if (finished) {
            return;
        }
        state(ConnectionState.DISCONNECTING);
        teardown();
        emit(new EngineEvent.Disconnected());
        state(ConnectionState.DISCONNECTED);
    }

    @Override
    public boolean isFinished() {
        return finished;
    }

    @Override
    public boolean nattActive() {
        return sa.nattActive();
    }

    @Override
    public List<IkeOutput> drainOutputs() {
        List<IkeOutput> out = List.copyOf(outputs);
        outputs.clear();
        return out;
    }

    @Override
    public Optional<Task> route(IkeMessage message) {
        ExchangeType type = message.header().exchangeType();
        if (type.equals(ExchangeType.INFORMATIONAL)) {
            informational.handle(message).ifPresent(e -> failed(e.reason() != FailureReason.NO_PROPOSAL_CHOSEN ? e
                    : new ConnectException(e.reason(), e.detail() + "; " + (quickMode != null ? quickMode.offered()
                            : Phase1Proposals.describe(sa.request().phase1(), sa.crypto())))));
            return Optional.empty();
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
    public void completed(Task task) {
        if (task instanceof Phase1Task phase1) {
            progress(ProgressStep.GATEWAY_REACHED, sa.gateway().getAddress().getHostAddress());
            if (phase1.natDetected()) {
                progress(ProgressStep.NAT_DETECTED, "IKE and ESP continue on UDP port " + sa.gateway().getPort());
            }
            progress(ProgressStep.PHASE1_ESTABLISHED, phase1.gatewayIdentity() + ", IKE " + sa.phase1());
            if (sa.request().phase1().auth().usesXauth()) {
                state(ConnectionState.AUTHENTICATING);
                xauth = new XauthTask(sa);
                waitDeadline = now + GATEWAY_TURN_MILLIS;
            } else {
                startModeConfig();
            }
        } else if (task == xauth) {
            switch (xauth.outcome()) {
                case PENDING:
                    waitDeadline = now + GATEWAY_TURN_MILLIS;
                    progress(ProgressStep.AUTHENTICATING_USER, xauth.gatewayMessage().orElse(""));
                    break;
                case SUCCEEDED:
                    waitDeadline = Long.MAX_VALUE;
                    progress(ProgressStep.USER_AUTHENTICATED, sa.request().credentials().xauthUser().orElse(""));
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
        } else if (task == modeConfig) {
            waitDeadline = Long.MAX_VALUE;
            config = modeConfig.result().orElseThrow();
            progress(ProgressStep.CONFIGURATION_RECEIVED, "address " + config.address().getHostAddress());
            config.banner().ifPresent(b -> emit(new EngineEvent.Banner(b)));
            if (sa.request().phase1().auth().usesXauth()) {
                emit(new EngineEvent.SavePassword(config.savePassword()));
            }
            startQuickMode(config.address(), config.pfsGroup());
        } else if (task == quickMode) {
            child = quickMode.keys();
            outputs.add(new IkeOutput.InstallChildSa(child));
            progress(ProgressStep.PHASE2_ESTABLISHED, "ESP " + child.transform());
            emit(new EngineEvent.TunnelUp(tunnelConfig(), "IKE " + sa.phase1() + ", ESP " + child.transform()
                    + (sa.nattActive() ? " in UDP" : "")));
            state(ConnectionState.CONNECTED);
        }
    }

    @Override
    public void waiting(Task task) {
        if (task == xauth && xauth.prompt().isPresent()) {
            waitDeadline = now + PROMPT_MILLIS;
            emit(xauth.prompt().get());
        }
    }

    @Override
    public void failed(ConnectException error) {
        if (finished) {
            return;
        }
        teardown();
        emit(new EngineEvent.Failed(error));
        state(ConnectionState.DISCONNECTED);
    }

    private void startModeConfig() {
        HostConfig host = sa.request().config();
        switch (host.modeConfig()) {
            case PULL:
                modeConfig = new ModeConfigTask(sa);
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
                startQuickMode(address, Optional.empty());
        }
    }

    /** Why waiting for the gateway or the user took too long. */
    private ConnectException overdue() {
        if (xauth != null && xauth.prompt().isPresent()) {
            return new ConnectException(FailureReason.CREDENTIALS_MISSING, "no answer to the gateway's question within "
                    + EngineEvent.CredentialsRequired.TIMEOUT_SECONDS + " s");
        }
        if (xauth != null && xauth.outcome() == XauthTask.Outcome.PENDING) {
            return new ConnectException(FailureReason.PROTOCOL_ERROR, xauth.answered().isEmpty()
                    ? "the gateway did not start user authentication (XAuth)"
                    : "the gateway did not finish user authentication (XAuth)");
        }
        return new ConnectException(FailureReason.PROTOCOL_ERROR, "the gateway did not send its configuration");
    }

    private void startQuickMode(Inet4Address address, Optional<Integer> unityPfs) {
        ConnectRequest.Phase2 phase2 = sa.request().phase2();
        Optional<Integer> pfs = phase2.pfsGroup().or(() -> phase2.gatewayPfs() ? unityPfs : Optional.empty());
        quickMode = new QuickModeTask(sa, address, new Ipv4Network(Ipv4Network.parseAddress("0.0.0.0"), 0), pfs);
        tasks.queue(quickMode, now);
    }

    private TunnelConfig tunnelConfig() {
        HostConfig host = sa.request().config();
        Inet4Address address = config != null ? config.address() : host.staticAddress().orElseThrow();
        int prefix = config != null && config.netmask().isPresent()
                ? Ipv4Network.ofMask(address, config.netmask().get()).prefixLength()
                : config != null ? 32 : host.staticPrefixLength();
        List<Ipv4Network> include = host.requestSplitNetworks() && config != null ? config.splitInclude()
                : host.includeNetworks();
        List<Ipv4Network> exclude = new ArrayList<>(host.excludeNetworks());
        List<Inet4Address> dns = host.staticDns();
        List<String> domains = host.staticDomain().map(List::of).orElse(List.of());
        List<String> splitDns = new ArrayList<>(host.splitDnsDomains());
        if (config != null) {
            exclude.addAll(config.splitExclude());
            if (host.requestDns() && !config.dns().isEmpty()) {
                dns = config.dns();
            }
            if (host.requestDomain() && config.defaultDomain().isPresent()) {
                domains = List.of(config.defaultDomain().get());
            }
            splitDns.addAll(config.splitDnsDomains());
        }
        return new TunnelConfig(address, prefix, host.mtu(), (Inet4Address) sa.gateway().getAddress(), include,
                exclude, dns, domains, splitDns);
    }

    /** Deletes what exists at the gateway and ends the session. */
    private void teardown() {
        tasks.clear();
        if (child != null) {
            informational.deleteChild(child);
            outputs.add(new IkeOutput.RemoveChildSa(child.inboundSpi(), child.outboundSpi()));
            child = null;
        }
        if (sa.hasKeys()) {
            informational.deleteIkeSa();
        }
        sa.destroy();
        sa.request().credentials().destroy();
        finished = true;
    }

    private void state(ConnectionState state) {
        emit(new EngineEvent.StateChanged(state));
    }

    private void progress(ProgressStep step, String detail) {
        emit(new EngineEvent.Progress(step, detail));
    }

    private void emit(EngineEvent event) {
        outputs.add(new IkeOutput.Emit(event));
    }
}
