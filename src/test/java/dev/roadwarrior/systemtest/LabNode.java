package dev.roadwarrior.systemtest;

/**
 * The four network namespaces of the lab, from the road warrior's side to the protected network.
 * See {@link Topology} for their addresses.
 */
public enum LabNode {
    /** The road warrior: 192.168.77.2 behind the home router. */
    CLIENT("client"),
    /** The home NAT router: masquerades the client towards the "internet". */
    ROUTER("router"),
    /** The VPN gateway: charon with kernel-libipsec. */
    GATEWAY("gateway"),
    /** A host on the protected network behind the gateway (ping, iperf3 server). */
    PROTECTED("protected");

    private final String label;

    LabNode(String label) {
        this.label = label;
    }

    /** Short lower-case name, used in namespace names and log directories. */
    public String label() {
        return label;
    }
}
