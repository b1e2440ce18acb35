package dev.roadwarrior.engine.ike.codec.payload;

import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes the value of the Cisco Unity UNITY_SPLIT_INCLUDE and UNITY_LOCAL_LAN attributes into
 * IPv4 networks.
 *
 * <p>Cisco, strongSwan, libreswan, racoon and Shrew Soft send 14-byte entries:
 * <pre>
 *  address (4) | netmask (4) | protocol (1) | reserved (1) | source port (2) | destination port (2)
 * </pre>
 * with the last six bytes usually zero (they are ignored here: routes are per network). strongSwan
 * also accepts a final entry without those six bytes, and some peers send bare 8-byte
 * address/netmask pairs. The layout is chosen by length and plausibility:
 * <ol>
 *   <li>a length that is a multiple of 14 whose every netmask is contiguous: 14-byte entries;</li>
 *   <li>else a multiple of 8 whose every netmask is contiguous: 8-byte entries;</li>
 *   <li>else 14-byte entries with a short (8-byte) final entry, if every netmask is contiguous.</li>
 * </ol>
 * A length that fits both of the first two layouts (a multiple of 56) where both read valid
 * netmasks is decided for the layout whose addresses all have no host bits set, and for 14-byte
 * entries if that does not tell them apart. Misreading real data that way needs a mask whose
 * bytes happen to line up with address bytes, which the host-bit test catches in practice.
 */
public final class UnitySplitNetworks {

    private static final int ENTRY = 14;
    private static final int PAIR = 8;

    private UnitySplitNetworks() {
    }

    /**
     * The networks in a split-include or local-LAN attribute value, in order.
     *
     * @throws IkeProtocolException PAYLOAD_MALFORMED when no layout reads valid netmasks
     */
    public static List<Ipv4Network> decode(byte[] value) throws IkeProtocolException {
        int n = value.length;
        Optional<Read> wide = n % ENTRY == 0 ? read(value, ENTRY) : Optional.empty();
        Optional<Read> narrow = n % PAIR == 0 ? read(value, PAIR) : Optional.empty();
        if (wide.isPresent() && narrow.isPresent()) {
            return (narrow.get().clean && !wide.get().clean ? narrow : wide).get().networks;
        }
        Optional<Read> chosen = wide.or(() -> narrow);
        if (chosen.isEmpty() && n % ENTRY == PAIR) {
            chosen = read(value, ENTRY);
        }
        return chosen.orElseThrow(() -> Wire.malformed(
                "Unity split network value of " + n + " bytes has no valid layout")).networks;
    }

    /** The networks of entries {@code stride} bytes apart, if every netmask is contiguous. */
    private static Optional<Read> read(byte[] value, int stride) {
        List<Ipv4Network> networks = new ArrayList<>();
        boolean clean = true;
        for (int at = 0; at + PAIR <= value.length; at += stride) {
            Inet4Address address = address(value, at);
            Inet4Address mask = address(value, at + 4);
            int m = Ipv4Network.toInt(mask);
            if (m != (m == 0 ? 0 : -1 << Integer.numberOfTrailingZeros(m))) {
                return Optional.empty();
            }
            clean &= (Ipv4Network.toInt(address) & ~m) == 0;
            networks.add(Ipv4Network.ofMask(address, mask).network());
        }
        return Optional.of(new Read(List.copyOf(networks), clean));
    }

    private static Inet4Address address(byte[] b, int at) {
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + 4));
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // four bytes are always an address
        }
    }

    private record Read(List<Ipv4Network> networks, boolean clean) {
    }
}
