package dev.roadwarrior.profiles.io;

import dev.roadwarrior.profiles.model.Adapter;
import dev.roadwarrior.profiles.model.Authentication;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.profiles.model.DnsSettings;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.profiles.model.Phase1;
import dev.roadwarrior.profiles.model.Phase2;
import dev.roadwarrior.profiles.model.Policy;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.model.ShrewEntry;
import dev.roadwarrior.profiles.model.SplitDnsSettings;
import dev.roadwarrior.profiles.model.WinsSettings;
import dev.roadwarrior.profiles.secrets.Secret;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes a profile as a Shrew Soft 2.2 site file: {@code n:version:4}, every key the Shrew connect
 * code requires (SHREW-VPN-FORMAT §3, §5.5) written explicitly, binary values in base64, policy
 * lists as {@code address / netmask}, then the unknown entries the import kept. The description,
 * which Shrew lacks, goes under the key {@code description}, which Shrew ignores. The text is
 * UTF-8; Shrew reads it as bytes. The kill switch, Roadwarrior's own, goes under
 * {@value #KILL_SWITCH_KEY} (which Shrew keeps but ignores), only when on.
 *
 * <p>The group password is written because Shrew needs it in the file; the output therefore
 * contains a secret (base64 is not encryption) and should be written with mode 0600.
 */
public final class ShrewVpnExporter {

    /** The Roadwarrior-only key of the profile's kill switch ({@code n:roadwarrior-kill-switch:1}). */
    public static final String KILL_SWITCH_KEY = "roadwarrior-kill-switch";

    /** The line ending: LF for Linux/BSD/macOS Shrew, CRLF as the Windows client writes. */
    public enum LineEnding {
        LF("\n"),
        CRLF("\r\n");

        private final String text;

        LineEnding(String text) {
            this.text = text;
        }
    }

    private final StringBuilder out = new StringBuilder();
    private final String eol;

    private ShrewVpnExporter(LineEnding lineEnding) {
        this.eol = lineEnding.text;
    }

    /** The file's bytes for {@code profile}, with the group password if there is one. */
    public static byte[] export(Profile profile, Optional<Secret> groupPassword, LineEnding lineEnding) {
        ShrewVpnExporter w = new ShrewVpnExporter(lineEnding);
        w.write(profile, groupPassword);
        return w.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void write(Profile p, Optional<Secret> groupPassword) {
        number("version", ShrewVpnImporter.CURRENT_VERSION);
        p.description().ifPresent(d -> string("description", d));
        string("network-host", p.gateway().host());
        number("network-ike-port", p.gateway().ikePort());
        string("client-auto-mode", p.autoConfig().keyword());
        Adapter a = p.adapter();
        string("client-iface", a.mode().keyword());
        number("network-mtu-size", a.mtu());
        flag("client-addr-auto", a.addressAuto());
        a.address().ifPresent(n -> {
            string("client-ip-addr", n.address().getHostAddress());
            string("client-ip-mask", n.netmask().getHostAddress());
        });
        string("network-natt-mode", p.natTraversal().mode().keyword());
        number("network-natt-port", p.natTraversal().port());
        number("network-natt-rate", p.natTraversal().keepAliveSeconds());
        string("network-frag-mode", p.fragmentation().mode().keyword());
        number("network-frag-size", p.fragmentation().maxPacketSize());
        flag("network-dpd-enable", p.deadPeerDetection());
        flag("network-notify-enable", p.failureNotifications());
        flag("client-banner-enable", p.requestBanner());
        writeNameResolution(p);
        writeAuthentication(p.authentication(), groupPassword);
        writePhase1(p.phase1());
        writePhase2(p.phase2());
        Policy pol = p.policy();
        string("policy-level", pol.level().keyword());
        flag("policy-nailed", pol.nailed());
        flag("policy-list-auto", pol.topologyAuto());
        networks("policy-list-include", pol.include());
        networks("policy-list-exclude", pol.exclude());
        if (p.killSwitch()) {
            flag(KILL_SWITCH_KEY, true);
        }
        p.savedUsername().ifPresent(u -> string("client-saved-username", u));
        for (ShrewEntry e : p.extraEntries()) {
            line(e.type().letter(), e.key(), e.value());
        }
    }

    private void writeNameResolution(Profile p) {
        DnsSettings dns = p.nameResolution().dns();
        flag("client-dns-used", dns.used());
        flag("client-dns-auto", dns.auto());
        addresses("client-dns-addr", dns.servers());
        flag("client-dns-suffix-auto", dns.suffixAuto());
        dns.suffix().ifPresent(s -> string("client-dns-suffix", s));
        SplitDnsSettings split = p.nameResolution().splitDns();
        flag("client-splitdns-used", split.used());
        flag("client-splitdns-auto", split.auto());
        if (!split.domains().isEmpty()) {
            string("client-splitdns-list", String.join(",", split.domains()));
        }
        WinsSettings wins = p.nameResolution().wins();
        flag("client-wins-used", wins.used());
        flag("client-wins-auto", wins.auto());
        addresses("client-wins-addr", wins.servers());
    }

    private void writeAuthentication(Authentication auth, Optional<Secret> groupPassword) {
        string("auth-method", auth.method().keyword());
        string("ident-client-type", auth.local().type().keyword());
        auth.local().data().ifPresent(d -> string("ident-client-data", d));
        string("ident-server-type", auth.remote().type().keyword());
        auth.remote().data().ifPresent(d -> string("ident-server-data", d));
        auth.serverCertificate().ifPresent(c -> certificate("auth-server-cert", c));
        auth.clientCertificate().ifPresent(c -> certificate("auth-client-cert", c));
        auth.clientKey().ifPresent(c -> certificate("auth-client-key", c));
        groupPassword.ifPresent(s -> binary("auth-mutual-psk", s.bytes()));
    }

    private void writePhase1(Phase1 p1) {
        string("phase1-exchange", p1.exchange().keyword());
        string("phase1-cipher", p1.cipher().phase1Keyword());
        number("phase1-keylen", p1.keyLength());
        string("phase1-hash", p1.hash().keyword());
        number("phase1-dhgroup", p1.dhGroup().number());
        number("phase1-life-secs", p1.lifetime().seconds());
        number("phase1-life-kbytes", p1.lifetime().kilobytes());
        flag("vendor-chkpt-enable", p1.checkPointVendorId());
    }

    private void writePhase2(Phase2 p2) {
        string("phase2-transform", p2.transform().phase2Keyword());
        number("phase2-keylen", p2.keyLength());
        string("phase2-hmac", p2.hmac().keyword());
        number("phase2-pfsgroup", p2.pfsGroupNumber());
        number("phase2-life-secs", p2.lifetime().seconds());
        number("phase2-life-kbytes", p2.lifetime().kilobytes());
        string("ipcomp-transform", p2.ipcomp().keyword());
    }

    private void certificate(String base, CertificateFile c) {
        string(base + "-name", c.name());
        binary(base + "-data", c.data());
    }

    private void addresses(String key, List<Inet4Address> list) {
        if (!list.isEmpty()) {
            string(key, list.stream().map(Inet4Address::getHostAddress).collect(Collectors.joining(",")));
        }
    }

    private void networks(String key, List<Ipv4Network> list) {
        if (!list.isEmpty()) {
            string(key, list.stream()
                    .map(n -> n.address().getHostAddress() + " / " + n.netmask().getHostAddress())
                    .collect(Collectors.joining(",")));
        }
    }

    private void string(String key, String value) {
        line('s', key, value.replace("\r", "").replace("\n", " "));
    }

    private void number(String key, long value) {
        line('n', key, Long.toString(value));
    }

    private void flag(String key, boolean value) {
        number(key, value ? 1 : 0);
    }

    private void binary(String key, byte[] value) {
        line('b', key, Base64.getEncoder().encodeToString(value));
    }

    private void line(char type, String key, String value) {
        out.append(type).append(':').append(key).append(':').append(value).append(eol);
    }
}
