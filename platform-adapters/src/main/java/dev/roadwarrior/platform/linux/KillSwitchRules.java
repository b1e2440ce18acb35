package dev.roadwarrior.platform.linux;

import java.net.Inet4Address;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What may leave the host while the {@link KillSwitch} is engaged, and its nftables form: a table
 * of its own whose output chain drops everything else (rejected, so that programs fail at once
 * instead of waiting).
 *
 * <p>Always allowed: loopback, the tunnel's TUN devices (names starting with
 * {@code tunPrefix}), DHCP (v4 client to server, v6 client to server) and IPv6 neighbour and
 * router discovery (so that the link keeps working). Allowed towards the {@code gateways}: UDP to
 * the {@code ikePorts} (IKE, NAT-T and ESP in UDP) and ESP.
 *
 * @param gateways the gateway's addresses; empty blocks every address (no connection runs)
 * @param ikePorts the gateway's IKE and NAT-T ports
 * @param tunPrefix the tunnel device name's prefix, e.g. {@code rw}
 */
public record KillSwitchRules(List<Inet4Address> gateways, List<Integer> ikePorts, String tunPrefix) {

    /** The table's family and name: the kill switch owns it and nothing else. */
    public static final String TABLE = "inet roadwarrior";

    public KillSwitchRules {
        gateways = List.copyOf(gateways);
        ikePorts = List.copyOf(ikePorts);
        if (ikePorts.isEmpty() || ikePorts.stream().anyMatch(p -> p < 1 || p > 65535)) {
            throw new IllegalArgumentException("bad IKE ports: " + ikePorts);
        }
        Change.checkDevice(tunPrefix + "0");
    }

    /** Rules for the time no connection runs: nothing but loopback, DHCP and neighbour discovery. */
    public static KillSwitchRules nothingOut(String tunPrefix) {
        return new KillSwitchRules(List.of(), List.of(500, 4500), tunPrefix);
    }

    /**
     * The {@code nft -f} script: adds the table (so that deleting it cannot fail), deletes it and
     * defines it anew, all in one transaction, so the host is never without rules in between.
     */
    public String nftScript() {
        StringBuilder s = new StringBuilder();
        s.append("table ").append(TABLE).append('\n');
        s.append("delete table ").append(TABLE).append('\n');
        s.append("table ").append(TABLE).append(" {\n");
        s.append("\tchain output {\n");
        s.append("\t\ttype filter hook output priority filter; policy drop;\n");
        s.append("\t\toifname \"lo\" accept\n");
        s.append("\t\toifname \"").append(tunPrefix).append("*\" accept\n");
        s.append("\t\tudp sport 68 udp dport 67 accept\n");
        s.append("\t\tudp sport 546 udp dport 547 accept\n");
        s.append("\t\ticmpv6 type { nd-router-solicit, nd-neighbor-solicit, nd-neighbor-advert } accept\n");
        if (!gateways.isEmpty()) {
            String addresses = gateways.stream().map(Inet4Address::getHostAddress).collect(Collectors.joining(", "));
            String ports = ikePorts.stream().distinct().map(String::valueOf).collect(Collectors.joining(", "));
            s.append("\t\tip daddr { ").append(addresses).append(" } udp dport { ").append(ports).append(" } accept\n");
            s.append("\t\tip daddr { ").append(addresses).append(" } ip protocol esp accept\n");
        }
        s.append("\t\treject with icmpx type admin-prohibited\n");
        s.append("\t}\n");
        s.append("}\n");
        return s.toString();
    }
}
