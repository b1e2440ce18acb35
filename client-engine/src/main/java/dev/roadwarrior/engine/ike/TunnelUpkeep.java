package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.ike.task.DpdTask;
import dev.roadwarrior.engine.ike.task.ModeConfigResult;
import dev.roadwarrior.engine.ike.task.QuickModeResponderTask;
import dev.roadwarrior.engine.ike.task.QuickModeTask;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The tunnel side of one ISAKMP SA, the {@link IkeSaSession}'s helper: the SA pairs
 * ({@link ChildSas}) and the Quick Modes that make and renew them (ours and the gateway's), dead
 * peer detection once the tunnel is up (its R-U-THEREs are {@link DpdTask}s that the
 * {@link TaskManager} starts), and what the gateway's informational messages mean for them.
 * What ends the SA is returned to the session, which owns the SA's state.
 *
 * <p>Threading: confined to the engine thread.
 */
final class TunnelUpkeep {

    private final IkeSa sa;
    private final TaskManager tasks;
    private final ChildSas children;
    private final RandomGenerator random;
    private final Consumer<IkeOutput> out;
    private Inet4Address virtualIp;
    private Optional<ModeConfigResult> config = Optional.empty();
    private QuickModeTask quickMode;
    private DeadPeerDetection dpd;

    TunnelUpkeep(IkeSa sa, TaskManager tasks, Informational informational, RandomGenerator random,
            Consumer<IkeOutput> out) {
        this.sa = sa;
        this.tasks = tasks;
        this.random = random;
        this.out = out;
        this.children = new ChildSas(out, informational, random, sa.request().phase2().lifetimeSeconds());
    }

    /** Our address inside the tunnel, once known; null before. */
    Inet4Address virtualIp() {
        return virtualIp;
    }

    boolean deadPeerDetectionActive() {
        return dpd != null;
    }

    long nextChildRekeyAt() {
        return children.nextRekeyAt();
    }

    /** Negotiates the first SA pair for {@code address} (with what Mode Config sent, if it ran). */
    void start(Inet4Address address, Optional<ModeConfigResult> modeConfig, long now) {
        virtualIp = address;
        config = modeConfig;
        startQuickMode(now);
    }

    /**
     * Our Quick Mode finished: installs its SA pair.
     *
     * @param first whether it is the SA's first pair
     * @param rekeyOfAnotherSa whether this SA replaces another one, whose pair carries traffic meanwhile
     * @return the pair's transform, when it was the first
     */
    Optional<String> quickModeDone(boolean first, boolean rekeyOfAnotherSa, long now) {
        ChildSaKeys keys = quickMode.keys();
        quickMode = null;
        // with no pair carrying traffic (the first of the connection, or the gateway deleted the
        // one in use) there is nothing to wait for; the first of a rekey replaces the old SA's pair
        boolean carrying = first ? rekeyOfAnotherSa : children.up();
        children.install(keys, now, carrying ? now + ChildSas.ACTIVATE_DELAY_MILLIS : now);
        if (!first) {
            emit(new EngineEvent.Progress(ProgressStep.PHASE2_REKEYED, "ESP " + keys.transform()));
        } else if (sa.request().transport().dpd() && sa.peerFeatures().contains(IkeSa.PeerFeature.DPD)) {
            dpd = new DeadPeerDetection(now, random.nextInt() & 0x3fff_ffff);
        }
        return first ? Optional.of(keys.transform().toString()) : Optional.empty();
    }

    /** The gateway's Quick Mode was answered: its pair is installed, to be used once confirmed. */
    void responded(QuickModeResponderTask qm, long now) {
        children.install(qm.keys(), now, Long.MAX_VALUE);
    }

    /** The gateway's Quick Mode ended with its third message: its pair carries traffic. */
    void confirmed(QuickModeResponderTask qm, long now) {
        children.confirm(qm.keys().inboundSpi(), now);
        emit(new EngineEvent.Progress(ProgressStep.PHASE2_REKEYED, "ESP " + qm.keys().transform()
                + ", started by the gateway"));
    }

    /** The gateway's Quick Mode never got its third message. */
    void abandoned(QuickModeResponderTask qm) {
        children.discard(qm.keys().inboundSpi());
    }

    /** A message of the gateway's was processed: it is alive. */
    void heard(long now) {
        if (dpd != null) {
            dpd.heard(now);
        }
    }

    /** What the data plane saw; may start a renewal (bytes) or feed dead peer detection. */
    void traffic(EspActivity activity) {
        children.traffic(activity);
        if (dpd != null) {
            dpd.esp(activity.lastInboundMillis(), activity.lastOutboundMillis());
        }
    }

    /** Checks at once whether the gateway is still there. */
    void probe(long now) {
        if (dpd != null) {
            dpd.probeSoon(now);
        }
    }

    /** Takes over the SA pairs of the SA this one replaces (see {@link ChildSas#adopt}). */
    void adopt(TunnelUpkeep old, long now) {
        children.adopt(old.children, now);
    }

    /** Renews what is due and runs dead peer detection; what it finds is returned. */
    DeadPeerDetection.Action tick(long now) {
        if (children.tick(now) == ChildSas.Due.REKEY) {
            renewChild(now);
        }
        if (dpd == null) {
            return DeadPeerDetection.Action.NONE;
        }
        DeadPeerDetection.Action action = dpd.tick(now);
        if (action == DeadPeerDetection.Action.SEND) {
            tasks.queue(new DpdTask(sa, dpd.sequence()), now);
        }
        return action;
    }

    long nextDeadline() {
        return dpd == null ? children.nextDeadline() : Math.min(children.nextDeadline(), dpd.nextDeadline());
    }

    /**
     * Applies a verified informational message of the gateway's: an error notify ends the SA
     * before the tunnel is up and is only logged after; R-U-THERE-ACKs feed dead peer detection;
     * deleted SA pairs are renewed at once when the one in use goes.
     *
     * @param ready whether the tunnel's first SA pair was set up under this SA
     * @return why the SA ends: an error before the tunnel was up, or the gateway deleted the SA
     */
    Optional<ConnectException> informational(Informational.Received message, boolean ready, long now) {
        if (!message.errors().isEmpty()) {
            if (!ready) {
                return Optional.of(SessionFailures.fromNotify(message.errors().get(0), sa, quickMode));
            }
            SessionFailures.LOG.log(System.Logger.Level.WARNING, "the gateway reports " + message.errors()
                    + "; the tunnel stays up");
        }
        for (int ack : message.dpdAcks()) {
            if (dpd != null) {
                dpd.acked(ack, now);
            }
        }
        if (message.deletedIkeSa()) {
            return Optional.of(new ConnectException(FailureReason.DELETED_BY_GATEWAY, "the gateway deleted the IKE SA"));
        }
        for (int spi : message.deletedSpis()) {
            if (children.deletedByGateway(spi, now)) {
                SessionFailures.LOG.log(System.Logger.Level.INFO, "the gateway deleted the IPsec SA in use; "
                        + "negotiating a new one");
                renewChild(now);
            }
        }
        return Optional.empty();
    }

    /** Removes the SA pairs, deleting them at the gateway when {@code tellGateway}. */
    void clear(boolean tellGateway) {
        children.clear(tellGateway);
    }

    /** Negotiates a new SA pair to replace the current one, unless a Quick Mode is already under way. */
    private void renewChild(long now) {
        children.rekeyStarted();
        if (quickMode == null && virtualIp != null) {
            startQuickMode(now);
        }
    }

    private void startQuickMode(long now) {
        ConnectRequest.Phase2 phase2 = sa.request().phase2();
        Optional<Integer> unityPfs = config.flatMap(ModeConfigResult::pfsGroup);
        Optional<Integer> pfs = phase2.pfsGroup().or(() -> phase2.gatewayPfs() ? unityPfs : Optional.empty());
        quickMode = new QuickModeTask(sa, virtualIp, new Ipv4Network(Ipv4Network.parseAddress("0.0.0.0"), 0), pfs);
        tasks.queue(quickMode, now);
    }

    private void emit(EngineEvent event) {
        out.accept(new IkeOutput.Emit(event));
    }
}
