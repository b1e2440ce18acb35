package dev.roadwarrior.systemtest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link GatewayConfig} as swanctl.conf: connection {@value #CONNECTION} with child
 * {@value #CONNECTION}, pool {@value #POOL} and the secrets (a gateway private key is not a
 * secret entry: swanctl loads it from its {@code private/} directory). strongSwan values run to the end of
 * the line, so every setting gets its own line; secrets are written as hex ({@code 0x...}) so no
 * character needs quoting.
 */
final class SwanctlConf {
    /** Name of the connection and of its child. */
    static final String CONNECTION = "rw";
    /** Name of the Mode Config pool. */
    static final String POOL = "rwpool";
    /** File names of the certificate material inside the swanctl directory. */
    static final String GATEWAY_CERT = "gateway.pem";
    static final String GATEWAY_KEY = "gateway.key";
    static final String CA_CERT = "ca.pem";

    private final StringBuilder out = new StringBuilder();
    private int depth;

    private SwanctlConf() {
    }

    static String render(GatewayConfig c) {
        final SwanctlConf conf = new SwanctlConf();
        conf.connections(c);
        conf.pools(c);
        conf.secrets(c);
        return conf.out.toString();
    }

    private void connections(GatewayConfig c) {
        open("connections");
        open(CONNECTION);
        set("version", "1");
        set("aggressive", c.aggressive() ? "yes" : "no");
        set("local_addrs", Topology.GATEWAY_WAN_IP);
        set("proposals", String.join(",", c.ikeProposals()));
        set("pools", POOL);
        if (!c.pull()) {
            set("pull", "no");
        }
        if (c.auth().usesPsk()) {
            set("send_certreq", "no");
        }
        if (c.forceEncapsulation()) {
            set("encap", "yes");
        }
        c.fragmentation().ifPresent(f -> set("fragmentation", f.name().toLowerCase(Locale.ROOT)));
        c.dpdDelay().ifPresent(d -> set("dpd_delay", seconds(d)));
        c.dpdTimeout().ifPresent(d -> set("dpd_timeout", seconds(d)));
        c.ikeReauthTime().ifPresent(d -> set("reauth_time", seconds(d)));
        c.ikeOverTime().ifPresent(d -> set("over_time", seconds(d)));
        authRounds(c);
        open("children");
        open(CONNECTION);
        set("local_ts", String.join(",", c.localTs()));
        set("esp_proposals", String.join(",", c.espProposals()));
        c.childRekeyTime().ifPresent(d -> set("rekey_time", seconds(d)));
        c.childLifeTime().ifPresent(d -> set("life_time", seconds(d)));
        close();
        close();
        close();
        close();
    }

    private void authRounds(GatewayConfig c) {
        open("local");
        if (c.auth().usesPsk()) {
            set("auth", "psk");
            if (!c.aggressive()) {
                // Main Mode picks the PSK before the client's ID arrives, by the gateway's own ID
                set("id", Topology.GATEWAY_WAN_IP);
            }
        } else {
            set("auth", "pubkey");
            set("certs", GATEWAY_CERT);
        }
        close();
        switch (c.auth()) {
            case PSK:
                open("remote");
                set("auth", "psk");
                set("id", c.remoteId());
                close();
                break;
            case PSK_XAUTH:
                open("remote-group");
                set("auth", "psk");
                set("id", c.remoteId());
                close();
                xauthRound("remote-user");
                break;
            case RSA_XAUTH:
                open("remote-cert");
                set("auth", "pubkey");
                close();
                xauthRound("remote-user");
                break;
            case RSA:
                open("remote");
                set("auth", "pubkey");
                close();
                break;
            case HYBRID:
                xauthRound("remote-user");
                break;
            default:
                throw new IllegalStateException("unhandled " + c.auth());
        }
    }

    private void xauthRound(String name) {
        open(name);
        set("auth", "xauth");
        close();
    }

    private void pools(GatewayConfig c) {
        open("pools");
        open(POOL);
        set("addrs", c.pool());
        if (!c.dns().isEmpty()) {
            set("dns", String.join(",", c.dns()));
        }
        c.poolAttributes().forEach(this::set);
        close();
        close();
    }

    private void secrets(GatewayConfig c) {
        open("secrets");
        if (c.auth().usesPsk()) {
            open("ike-group");
            set("id", c.remoteId());
            set("secret", hex(c.groupSecret()));
            close();
        }
        if (c.auth().usesXauth()) {
            int n = 0;
            for (Map.Entry<String, String> user : c.xauthUsers().entrySet()) {
                open("xauth-" + n++);
                set("id", user.getKey());
                set("secret", hex(user.getValue()));
                close();
            }
        }
        close();
    }

    private void open(String section) {
        line(section + " {");
        depth++;
    }

    private void close() {
        depth--;
        line("}");
    }

    private void set(String key, String value) {
        if (value.contains("\n")) {
            throw new IllegalArgumentException("strongSwan values end at the line end: " + key);
        }
        line(key + " = " + value);
    }

    private void line(String text) {
        out.append("  ".repeat(depth)).append(text).append('\n');
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + "s";
    }

    private static String hex(String secret) {
        return "0x" + HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
    }
}
