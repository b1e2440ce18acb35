package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.esp.EspTransform;
import dev.roadwarrior.engine.esp.PathMtu;
import dev.roadwarrior.engine.spi.NetworkConfigurator;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Owns the MTU decisions of one connection: the TUN device's MTU, fixed at the first tunnel up
 * (the profile's MTU, but no more than an inner packet whose ESP packet fits the path towards the
 * gateway), and the effective MTU ({@link TunnelMtu}) lowered when the path turns out smaller.
 *
 * <p>Threading: the engine thread only.
 */
final class PathMtuPolicy {

    /** The path MTU assumed when the host cannot tell: Ethernet's. */
    static final int DEFAULT_PATH_MTU = 1_500;
    /** The path MTU assumed after EMSGSIZE when the host cannot tell the learned one: IPv6's minimum, common for tunnelled uplinks. */
    static final int FALLBACK_PATH_MTU = 1_280;
    private static final System.Logger LOG = System.getLogger(PathMtuPolicy.class.getName());

    private final NetworkConfigurator configurator;
    private final DataPlane dataPlane;
    private final TunnelMtu mtu;
    /** The TUN device's MTU, fixed at the first tunnel up so that a rekey never reconfigures the host for it. */
    private int tunMtu;

    PathMtuPolicy(NetworkConfigurator configurator, DataPlane dataPlane, TunnelMtu mtu) {
        this.configurator = configurator;
        this.dataPlane = dataPlane;
        this.mtu = mtu;
    }

    /**
     * The settings with the TUN device's MTU: the profile's MTU, but no more than an inner packet
     * whose ESP packet (with the negotiated transform, in UDP) fits the path towards the gateway.
     */
    TunnelConfig withTunMtu(TunnelConfig c, Inet4Address gateway) {
        Optional<EspTransform> transform = outboundTransform();
        if (tunMtu == 0 && transform.isPresent()) {
            int path = configurator.pathMtu(gateway).orElse(DEFAULT_PATH_MTU);
            tunMtu = Math.min(c.mtu(), PathMtu.innerMtu(transform.get(), Math.min(path, DEFAULT_PATH_MTU)));
            LOG.log(Level.INFO, "TUN MTU " + tunMtu + " (profile " + c.mtu() + ", path " + path + ", ESP "
                    + transform.get() + ")");
        }
        return tunMtu == 0 ? c : new TunnelConfig(c.address(), c.prefixLength(), tunMtu, c.gateway(), c.includeNetworks(),
                c.excludeNetworks(), c.dnsServers(), c.searchDomains(), c.splitDnsDomains());
    }

    /**
     * Lowers the tunnel's effective MTU to what the path towards the gateway now carries (after
     * EMSGSIZE): larger inner packets with DF set get ICMP "fragmentation needed", TCP SYNs a
     * smaller MSS.
     *
     * @return the path MTU, for the IKE session's fragments; empty before an SA carries traffic
     */
    OptionalInt learn(Inet4Address gateway) {
        Optional<EspTransform> transform = outboundTransform();
        if (transform.isEmpty()) {
            return OptionalInt.empty();
        }
        int path = configurator.pathMtu(gateway).orElse(FALLBACK_PATH_MTU);
        int inner = PathMtu.innerMtu(transform.get(), Math.min(path, DEFAULT_PATH_MTU));
        if (mtu.lower(inner)) {
            LOG.log(Level.INFO, "the path to the gateway carries " + path + " bytes: inner packets up to " + inner
                    + " bytes, TCP MSS " + PathMtu.mss(inner));
        }
        return OptionalInt.of(path);
    }

    private Optional<EspTransform> outboundTransform() {
        return dataPlane.sas().outbound().map(sa -> sa.transform());
    }
}
