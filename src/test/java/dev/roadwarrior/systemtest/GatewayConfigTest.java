package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering of swanctl.conf and strongswan.conf; needs no root. */
class GatewayConfigTest {
    private static final GatewayCertificate CERT =
            new GatewayCertificate(Path.of("gw.pem"), Path.of("gw.key"), Path.of("ca.pem"));

    @Test
    void defaultsAreAggressivePskXauthWithPoolAndSplit() {
        final List<String> lines = lines(GatewayConfig.defaults().swanctlConf());
        assertTrue(lines.contains("version = 1"));
        assertTrue(lines.contains("aggressive = yes"));
        assertTrue(lines.contains("local_addrs = " + Topology.GATEWAY_WAN_IP));
        assertTrue(lines.contains("pools = rwpool"));
        assertTrue(lines.contains("id = keyid:rwgroup"));
        assertTrue(lines.contains("auth = xauth"));
        assertTrue(lines.contains("local_ts = 10.77.0.0/24"));
        assertTrue(lines.contains("addrs = 10.88.0.0/24"));
        assertTrue(lines.contains("dns = 10.77.0.53"));
        assertTrue(lines.contains("id = alice"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("proposals = ") && l.contains("aes256-sha1-modp1024")));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("dpd_") || l.startsWith("fragmentation")
                || l.startsWith("encap") || l.contains("_time")), "unset options are not rendered");
    }

    @Test
    void secretsAreHexSoNoCharacterNeedsQuoting() {
        final String conf = GatewayConfig.defaults().toBuilder().group("g", "a b\"#{").xauthUser("bob", "p=w")
                .build().swanctlConf();
        assertTrue(conf.contains("secret = 0x61206222237b"), conf);
        assertTrue(conf.contains("secret = 0x703d77"), conf);
        assertFalse(conf.contains("alice"));
    }

    @Test
    void optionsAreRendered() {
        final List<String> lines = lines(GatewayConfig.defaults().toBuilder()
                .aggressive(false)
                .localTs("0.0.0.0/0")
                .fragmentation(GatewayConfig.Fragmentation.FORCE)
                .dpd(Duration.ofSeconds(10), Duration.ofSeconds(30))
                .ikeReauthTime(Duration.ofHours(1))
                .ikeOverTime(Duration.ofMinutes(2))
                .childRekeyTime(Duration.ofMinutes(5))
                .childLifeTime(Duration.ofMinutes(6))
                .forceEncapsulation(true)
                .espProposals("aes128-sha1-modp2048")
                .remoteId("%any")
                .build().swanctlConf());
        for (String expected : List.of("aggressive = no", "local_ts = 0.0.0.0/0", "fragmentation = force",
                "dpd_delay = 10s", "dpd_timeout = 30s", "reauth_time = 3600s", "over_time = 120s", "rekey_time = 300s",
                "life_time = 360s", "encap = yes",
                "esp_proposals = aes128-sha1-modp2048", "id = %any")) {
            assertTrue(lines.contains(expected), expected);
        }
    }

    @Test
    void pushModeAndPoolAttributesAreRendered() {
        final GatewayConfig config = GatewayConfig.defaults().toBuilder().pull(false)
                .poolAttribute("split_exclude", "203.0.113.0/24").poolAttribute("28672", "Welcome to the lab").build();
        final List<String> lines = lines(config.swanctlConf());
        for (String expected : List.of("pull = no", "split_exclude = 203.0.113.0/24", "28672 = Welcome to the lab")) {
            assertTrue(lines.contains(expected), expected);
        }
        assertEquals(config.swanctlConf(), config.toBuilder().build().swanctlConf());
        assertFalse(GatewayConfig.defaults().swanctlConf().contains("pull"), "pull is strongSwan's default");
    }

    @Test
    void pskOnlyHasNoXauthRound() {
        final String conf = GatewayConfig.defaults().toBuilder().auth(GatewayConfig.Auth.PSK).build().swanctlConf();
        assertFalse(conf.contains("xauth"), conf);
        assertTrue(conf.contains("ike-group"), conf);
    }

    @Test
    void hybridSignsWithTheCertificateAndHasNoGroupSecret() {
        final String conf = GatewayConfig.defaults().toBuilder().auth(GatewayConfig.Auth.HYBRID).certificate(CERT)
                .build().swanctlConf();
        final List<String> lines = lines(conf);
        assertTrue(lines.contains("auth = pubkey"));
        assertTrue(lines.contains("certs = gateway.pem"));
        assertEquals(1, lines.stream().filter("auth = xauth"::equals).count());
        assertFalse(conf.contains("psk") || conf.contains("ike-group"), conf);
    }

    @Test
    void impossibleCombinationsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> GatewayConfig.defaults().toBuilder().auth(GatewayConfig.Auth.RSA_XAUTH).build());
        assertThrows(IllegalArgumentException.class,
                () -> GatewayConfig.defaults().toBuilder().auth(GatewayConfig.Auth.PSK_XAUTH).xauthUser("a", "b")
                        .build().toBuilder().localTs().build());
        assertThrows(IllegalArgumentException.class,
                () -> GatewayConfig.defaults().toBuilder().group("bad\ngroup", "x").build().swanctlConf());
    }

    @Test
    void toBuilderKeepsEverything() {
        final GatewayConfig config = GatewayConfig.defaults().toBuilder().addXauthUser("bob", "pw").remoteId("%any")
                .dpd(Duration.ofSeconds(5), Duration.ofSeconds(15)).build();
        assertEquals(config.swanctlConf(), config.toBuilder().build().swanctlConf());
        assertEquals(List.of("alice", "bob"), List.copyOf(config.xauthUsers().keySet()));
    }

    @Test
    void strongswanConfLoadsLibipsecAndAllowsAggressivePsk() {
        final List<String> lines = lines(StrongswanConf.render(Path.of("/run/x/charon.vici"), Path.of("/logs/charon.log"),
                GatewayConfig.defaults().ikeFragmentSize(), StrongswanConf.plugins(GatewayConfig.defaults())));
        assertTrue(lines.contains("i_dont_care_about_security_and_use_aggressive_mode_psk = yes"));
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("fragment_size")), "charon's default unless set");
        assertTrue(lines.contains("socket = unix:///run/x/charon.vici"));
        assertTrue(lines.contains("path = /logs/charon.log"));
        final String load = lines.stream().filter(l -> l.startsWith("load = ")).findFirst().orElseThrow();
        assertTrue(load.indexOf("kernel-libipsec") < load.indexOf("kernel-netlink"), load);
    }

    @Test
    void ikeFragmentSizeGoesIntoStrongswanConf() {
        final GatewayConfig config = GatewayConfig.defaults().toBuilder().ikeFragmentSize(576).build();
        final List<String> lines = lines(StrongswanConf.render(Path.of("/run/x/charon.vici"), Path.of("/logs/charon.log"),
                config.ikeFragmentSize(), StrongswanConf.plugins(config)));
        assertTrue(lines.contains("fragment_size = 576"), String.join("\n", lines));
        assertEquals(config.ikeFragmentSize(), config.toBuilder().build().ikeFragmentSize());
    }

    /** The lab's own check: a plugin that failed to load is named with its Debian package, in seconds. */
    @Test
    void aPluginThatFailedToLoadIsNamedWithItsPackage() {
        final String log = "00:00:01 00[LIB] plugin 'xauth-generic': failed to load - xauth_generic_plugin_create not"
                + " found and no plugin file available\n"
                + "00:00:01 00[LIB] plugin 'openssl': failed to load - openssl_plugin_create not found\n"
                + "00:00:01 00[LIB] plugin 'sqlite': failed to load - not ours\n";
        final List<String> failed = LabPrerequisites.failedPlugins(log, StrongswanConf.plugins(GatewayConfig.defaults()));
        assertEquals(List.of("xauth-generic", "openssl"), failed);
        final String sentence = LabPrerequisites.describeMissingPlugins(failed);
        assertTrue(sentence.contains("'xauth-generic' (Debian package libcharon-extauth-plugins)"), sentence);
        assertTrue(sentence.contains("'openssl' (Debian package libstrongswan-standard-plugins)"), sentence);
        assertEquals(List.of(), LabPrerequisites.failedPlugins("00[LIB] loaded plugins: charon random nonce",
                StrongswanConf.plugins(GatewayConfig.defaults())));
        assertEquals("libstrongswan", LabPrerequisites.packageOf("sha2"));
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).toList();
    }
}
