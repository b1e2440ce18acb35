package dev.roadwarrior.systemtest;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What vpnc reported to its script when the tunnel came up.
 *
 * @param device        TUN device in the client namespace (e.g. {@code tun0})
 * @param virtualIp     Mode Config address (INTERNAL_IP4_ADDRESS)
 * @param dns           Mode Config DNS servers (INTERNAL_IP4_DNS)
 * @param splitIncludes Unity split-include networks as CIDR; empty means full tunnel
 * @param connectTime   from starting vpnc until the script ran with {@code reason=connect}
 * @param environment   all INTERNAL_IP4_*, CISCO_* and related variables the script received
 */
public record VpncTunnel(String device, String virtualIp, List<String> dns, List<String> splitIncludes,
                         Duration connectTime, Map<String, String> environment) {

    public VpncTunnel {
        dns = List.copyOf(dns);
        splitIncludes = List.copyOf(splitIncludes);
        environment = Map.copyOf(environment);
    }
}
