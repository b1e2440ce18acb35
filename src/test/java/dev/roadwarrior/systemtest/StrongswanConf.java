package dev.roadwarrior.systemtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Renders the private strongswan.conf of a lab gateway (charon reads it via STRONGSWAN_CONF).
 *
 * <ul>
 *   <li>Only the plugins a road-warrior gateway needs; {@code kernel-libipsec} is listed before
 *       {@code kernel-netlink} so userspace ESP (TUN device {@code ipsec0}) handles IPsec while
 *       netlink only manages addresses and routes. The kernel has no ESP module.</li>
 *   <li>Aggressive mode with PSK is refused unless
 *       {@code i_dont_care_about_security_and_use_aggressive_mode_psk} is set.</li>
 *   <li>The vici socket is given explicitly so several gateways never share one.</li>
 *   <li>The log goes to a file with ike/cfg/knl at level 2.</li>
 *   <li>{@code fragment_size} (largest IP datagram of an IKE fragment) only when the gateway
 *       configuration sets one.</li>
 * </ul>
 */
final class StrongswanConf {
    static final String PLUGINS = "random nonce openssl aes sha1 sha2 md5 hmac gmp pem pkcs1 pkcs8 x509 pubkey"
            + " constraints kernel-libipsec kernel-netlink socket-default vici attr unity xauth-generic";

    private StrongswanConf() {
    }

    /** The plugins charon is told to load: {@link #PLUGINS} and the configuration's extra ones, less the omitted ones. */
    static List<String> plugins(GatewayConfig config) {
        final List<String> all = new ArrayList<>(List.of(PLUGINS.split(" ")));
        all.removeAll(config.omittedPlugins());
        all.addAll(config.extraPlugins());
        return all;
    }

    static String render(Path viciSocket, Path logFile, OptionalInt fragmentSize, List<String> plugins) {
        final List<String> lines = new ArrayList<>(List.of(
                "charon {",
                "  load = " + String.join(" ", plugins),
                "  i_dont_care_about_security_and_use_aggressive_mode_psk = yes"));
        fragmentSize.ifPresent(bytes -> lines.add("  fragment_size = " + bytes));
        lines.addAll(List.of(
                "  plugins {",
                "    vici {",
                "      socket = unix://" + viciSocket,
                "    }",
                "  }",
                "  filelog {",
                "    lab {",
                "      path = " + logFile,
                "      time_format = %H:%M:%S",
                "      append = yes",
                "      flush_line = yes",
                "      default = 1",
                "      ike = 2",
                "      cfg = 2",
                "      knl = 2",
                "      net = 1",
                "      enc = 1",
                "    }",
                "  }",
                "}",
                ""));
        return String.join("\n", lines);
    }
}
