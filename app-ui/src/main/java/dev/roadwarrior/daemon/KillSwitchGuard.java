package dev.roadwarrior.daemon;

import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.platform.linux.KillSwitch;
import dev.roadwarrior.platform.linux.KillSwitchRules;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * When the service's kill switch is engaged. For a profile with the kill switch on: from the
 * connect request until the tunnel is up, again while the engine reconnects, and after a failure
 * (or a disconnect the user did not ask for) until the user disconnects; only IKE, NAT-T and ESP
 * to the gateway leave the host then. With {@code blockWhileDisconnected} (the service's option),
 * also whenever no connection runs, with no gateway allowed. While the tunnel is up the switch is
 * released: the tunnel's routes carry the traffic.
 *
 * <p>Not thread-safe: {@link DaemonCore} calls it under its lock.
 */
final class KillSwitchGuard {

    private static final System.Logger LOG = System.getLogger(KillSwitchGuard.class.getName());
    /** The prefix of the engine's TUN devices (rw0, rw1...), whose traffic is the tunnel's. */
    static final String TUN_PREFIX = "rw";

    private final KillSwitch killSwitch;
    private final boolean blockWhileDisconnected;
    /** The rules of the running (or failed) connection whose profile has the kill switch on. */
    private Optional<KillSwitchRules> connection = Optional.empty();

    KillSwitchGuard(KillSwitch killSwitch, boolean blockWhileDisconnected) {
        this.killSwitch = killSwitch;
        this.blockWhileDisconnected = blockWhileDisconnected;
    }

    /** At the service's start: removes what a killed predecessor left, then blocks if asked to. */
    void start() {
        killSwitch.recoverLeftovers();
        idle();
    }

    /**
     * A connect is about to start. With {@code on} (or when blocking while disconnected), engages
     * for the gateway's addresses, resolved now (with the service blocking while disconnected,
     * only from /etc/hosts or a literal address).
     *
     * @throws IOException when the rules cannot be loaded or the gateway's name does not resolve:
     *     the connect must not go ahead unprotected
     */
    void connecting(boolean on, String gatewayHost, int... ports) throws IOException {
        connection = Optional.empty();
        if (on || blockWhileDisconnected) {
            KillSwitchRules rules = new KillSwitchRules(addresses(gatewayHost),
                    Arrays.stream(ports).boxed().toList(), TUN_PREFIX);
            killSwitch.engage(rules);
            connection = Optional.of(rules);
        } else if (killSwitch.engaged()) {
            killSwitch.release();
        }
    }

    /** Follows the engine: engaged while reconnecting, released once the tunnel is up. */
    void onEvent(EngineEvent event) {
        if (event instanceof EngineEvent.Progress p && p.step() == ProgressStep.RECONNECTING) {
            connection.ifPresent(this::engage);
        } else if (event instanceof EngineEvent.StateChanged s && s.state() == ConnectionState.CONNECTED
                && killSwitch.engaged()) {
            killSwitch.release();
        }
    }

    /**
     * The connection ended: asked for by the user, the switch goes; otherwise (a failure, a
     * disconnect by the gateway) it stays until {@link #userDisconnected}.
     */
    void ended(boolean byUser) {
        if (byUser) {
            userDisconnected();
        } else if (connection.isPresent()) {
            engage(connection.get());
            LOG.log(Level.INFO, "the kill switch stays on until the user disconnects");
        }
    }

    /** The user disconnected (or cancelled): the switch goes, unless blocking while disconnected. */
    void userDisconnected() {
        connection = Optional.empty();
        idle();
    }

    /** Whether the switch guards the running (or failed) connection: it engages whenever the tunnel is not up. */
    boolean armed() {
        return connection.isPresent();
    }

    /** Whether traffic is blocked now. */
    boolean engaged() {
        return killSwitch.engaged();
    }

    /** The service stops: the host is restored, the switch goes too. */
    void stop() {
        connection = Optional.empty();
        killSwitch.release();
    }

    private void idle() {
        if (blockWhileDisconnected) {
            engage(KillSwitchRules.nothingOut(TUN_PREFIX));
        } else if (killSwitch.engaged()) {
            killSwitch.release();
        }
    }

    private void engage(KillSwitchRules rules) {
        try {
            killSwitch.engage(rules);
        } catch (IOException e) {
            LOG.log(Level.ERROR, "cannot engage the kill switch", e);
        }
    }

    private static List<Inet4Address> addresses(String host) throws UnknownHostException {
        List<Inet4Address> all = Arrays.stream(InetAddress.getAllByName(host))
                .filter(a -> a instanceof Inet4Address).map(a -> (Inet4Address) a).toList();
        if (all.isEmpty()) {
            throw new UnknownHostException(host + " has no IPv4 address");
        }
        return all;
    }
}
