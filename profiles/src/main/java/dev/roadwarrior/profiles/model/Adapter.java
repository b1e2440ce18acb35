package dev.roadwarrior.profiles.model;

import dev.roadwarrior.net.Ipv4Network;
import java.util.Objects;
import java.util.Optional;

/**
 * The client's adapter ({@code client-iface}, {@code network-mtu-size}, {@code client-addr-auto},
 * {@code client-ip-addr}, {@code client-ip-mask}).
 *
 * @param mode virtual, random or direct
 * @param mtu the virtual adapter's MTU (68 to 1500); unused for {@link AdapterMode#DIRECT}
 * @param addressAuto true to take the address from the gateway (virtual adapter only)
 * @param address the static address and mask: required for a virtual adapter without
 *     {@code addressAuto} and, as the network to pick from, for {@link AdapterMode#RANDOM}
 */
public record Adapter(AdapterMode mode, int mtu, boolean addressAuto, Optional<Ipv4Network> address) {

    public Adapter {
        Objects.requireNonNull(mode, "mode");
        Ranges.check("MTU", mtu, Ranges.MTU_MIN, Ranges.MTU_MAX);
        address = Objects.requireNonNullElse(address, Optional.empty());
    }

    /** True when the profile needs {@link #address()} to connect. */
    public boolean needsStaticAddress() {
        return mode == AdapterMode.RANDOM || (mode == AdapterMode.VIRTUAL && !addressAuto);
    }
}
