package dev.roadwarrior.systemtest;

/**
 * Addresses and interface names of the lab network. Every namespace has its own interface
 * namespace, so the names are the same in every run; only the namespace names are unique.
 *
 * <pre>
 *  client            router (NAT)                 gateway (charon)            protected
 *  eth0 ──────────── lan0        wan0 ─────────── wan0        lan0 ────────── eth0
 *  192.168.77.2/24   192.168.77.1  203.0.113.1/24 203.0.113.2 10.77.0.1/24    10.77.0.10/24
 *                    MASQUERADE on wan0           Mode Config pool 10.88.0.0/24
 *  2001:db8:77::2/64 2001:db8:77::1 2001:db8:113::1/64 2001:db8:113::2
 * </pre>
 * IPv6 is routed, not translated: the client has a global IPv6 address and a default route via
 * the router, the gateway a route back, so the client reaches the gateway's IPv6 address beside
 * any IPv4 tunnel.
 */
public final class Topology {
    /** Client address on the home network. */
    public static final String CLIENT_IP = "192.168.77.2";
    /** Router address on the home network (the client's default gateway). */
    public static final String ROUTER_LAN_IP = "192.168.77.1";
    /** Router address on the "internet"; the gateway sees the client coming from here. */
    public static final String ROUTER_WAN_IP = "203.0.113.1";
    /** A second public address the router can move to ({@code RouterControl#movePublicAddress}). */
    public static final String ROUTER_WAN_IP_2 = "203.0.113.3";
    /** The VPN gateway's public address: what a client connects to. */
    public static final String GATEWAY_WAN_IP = "203.0.113.2";
    /** Gateway address on the protected network (the protected host's default gateway). */
    public static final String GATEWAY_LAN_IP = "10.77.0.1";
    /** The protected host: answers ping and runs the iperf3 server. */
    public static final String PROTECTED_IP = "10.77.0.10";
    /** The protected network. */
    public static final String PROTECTED_NET = "10.77.0.0/24";
    /** Default Mode Config pool for virtual IPs. */
    public static final String POOL = "10.88.0.0/24";
    /** DNS server pushed by Mode Config by default (nothing listens there). */
    public static final String POOL_DNS = "10.77.0.53";

    /** Client IPv6 address on the home network. */
    public static final String CLIENT_IP6 = "2001:db8:77::2";
    /** Router IPv6 address on the home network (the client's IPv6 default gateway). */
    public static final String ROUTER_LAN_IP6 = "2001:db8:77::1";
    /** Router IPv6 address on the "internet". */
    public static final String ROUTER_WAN_IP6 = "2001:db8:113::1";
    /** The gateway's IPv6 address: a host beyond the router for IPv6 leak tests. */
    public static final String GATEWAY_WAN_IP6 = "2001:db8:113::2";

    /** Client interface towards the router. */
    public static final String CLIENT_IF = "eth0";
    /** Interface on the home network side (router) or protected side (gateway). */
    public static final String LAN_IF = "lan0";
    /** Interface on the "internet" side (router and gateway). */
    public static final String WAN_IF = "wan0";
    /** Protected host interface. */
    public static final String PROTECTED_IF = "eth0";

    private Topology() {
    }
}
