package dev.roadwarrior.engine.ike.task;

import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway assigned through Mode Config (and Cisco Unity attributes).
 *
 * @param address the virtual IP
 * @param netmask its netmask, if sent
 * @param dns DNS servers
 * @param wins WINS (NBNS) servers
 * @param defaultDomain the Unity default domain
 * @param splitDnsDomains Unity split-DNS domains
 * @param splitInclude Unity split-include networks (empty: tunnel everything)
 * @param splitExclude Unity local-LAN (split-exclude) networks
 * @param banner the Unity banner
 * @param savePassword whether the gateway allows saving the XAuth password
 * @param pfsGroup the Unity PFS group, if the gateway requires PFS
 */
public record ModeConfigResult(Inet4Address address, Optional<Inet4Address> netmask, List<Inet4Address> dns,
        List<Inet4Address> wins, Optional<String> defaultDomain, List<String> splitDnsDomains,
        List<Ipv4Network> splitInclude, List<Ipv4Network> splitExclude, Optional<String> banner,
        boolean savePassword, Optional<Integer> pfsGroup) {

    public ModeConfigResult {
        dns = List.copyOf(dns);
        wins = List.copyOf(wins);
        splitDnsDomains = List.copyOf(splitDnsDomains);
        splitInclude = List.copyOf(splitInclude);
        splitExclude = List.copyOf(splitExclude);
    }
}
