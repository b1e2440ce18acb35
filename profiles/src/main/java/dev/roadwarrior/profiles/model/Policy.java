package dev.roadwarrior.profiles.model;

import dev.roadwarrior.net.Ipv4Network;
import java.util.List;
import java.util.Objects;

/**
 * Which traffic enters the tunnel: the Shrew "Policy" tab.
 *
 * @param level the policy generation level
 * @param nailed true to keep security associations up ("Maintain Persistent Security Associations")
 * @param topologyAuto true to take the networks from the gateway (Unity split include/exclude) or
 *     tunnel everything; false to use {@code include} and {@code exclude}
 * @param include networks routed into the tunnel
 * @param exclude networks kept off the tunnel
 */
public record Policy(PolicyLevel level, boolean nailed, boolean topologyAuto, List<Ipv4Network> include,
        List<Ipv4Network> exclude) {

    public Policy {
        Objects.requireNonNull(level, "level");
        include = List.copyOf(Objects.requireNonNullElse(include, List.of()));
        exclude = List.copyOf(Objects.requireNonNullElse(exclude, List.of()));
    }
}
