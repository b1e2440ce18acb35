package dev.roadwarrior.cli;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.model.Adapter;
import dev.roadwarrior.profiles.model.AdapterMode;
import dev.roadwarrior.profiles.model.Authentication;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.profiles.model.Cipher;
import dev.roadwarrior.profiles.model.DnsSettings;
import dev.roadwarrior.profiles.model.Identity;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.profiles.model.Lifetime;
import dev.roadwarrior.profiles.model.Phase1;
import dev.roadwarrior.profiles.model.Phase2;
import dev.roadwarrior.profiles.model.Policy;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.model.SplitDnsSettings;
import dev.roadwarrior.profiles.model.WinsSettings;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The readable form of {@code roadwarrior show}: one setting per line, Shrew's words for values. */
final class ProfileSummary {

    private static final String FORMAT = "%-22s %s%n";

    private final PrintWriter out;
    private final Map<SecretKind, Secret> secrets;
    private final boolean reveal;

    ProfileSummary(PrintWriter out, Map<SecretKind, Secret> secrets, boolean reveal) {
        this.out = out;
        this.secrets = secrets;
        this.reveal = reveal;
    }

    void print(Profile p, List<ProfileException> problems) {
        line("Profile", p.name());
        p.description().ifPresent(d -> line("Description", d));
        line("Gateway", p.gateway().host() + ", IKE port " + p.gateway().ikePort());
        printAuthentication(p.authentication());
        p.savedUsername().ifPresent(u -> line("User name", u));
        secret("XAuth password", SecretKind.XAUTH_PASSWORD);
        line("Auto configuration", p.autoConfig().keyword());
        printAdapter(p.adapter());
        line("NAT traversal", p.natTraversal().mode().keyword() + ", port " + p.natTraversal().port()
                + ", keep-alive " + p.natTraversal().keepAliveSeconds() + " s");
        line("IKE fragmentation", p.fragmentation().mode().keyword() + ", " + p.fragmentation().maxPacketSize()
                + " bytes");
        line("Dead peer detection", onOff(p.deadPeerDetection()));
        line("Failure notifications", onOff(p.failureNotifications()));
        line("Login banner", onOff(p.requestBanner()));
        line("Kill switch", onOff(p.killSwitch()));
        printNameResolution(p);
        printPhase1(p.phase1());
        printPhase2(p.phase2());
        printPolicy(p.policy());
        if (!p.extraEntries().isEmpty()) {
            line("Other .vpn keys", p.extraEntries().size() + " kept for export");
        }
        if (problems.isEmpty()) {
            out.println("Ready to connect.");
        } else {
            out.println("Not ready to connect:");
            problems.forEach(e -> out.println("  " + e.getMessage()));
        }
    }

    private void printAuthentication(Authentication a) {
        line("Authentication", a.method().keyword());
        line("  Local identity", identity(a.local()));
        line("  Remote identity", identity(a.remote()));
        secret("  Group password", SecretKind.GROUP_PASSWORD);
        a.serverCertificate().ifPresent(c -> line("  CA certificate", file(c)));
        a.clientCertificate().ifPresent(c -> line("  Client certificate", file(c)));
        secret("  Certificate password", SecretKind.CLIENT_CERTIFICATE_PASSPHRASE);
        a.clientKey().ifPresent(c -> line("  Client key", file(c)));
        secret("  Key password", SecretKind.CLIENT_KEY_PASSPHRASE);
    }

    private void printAdapter(Adapter a) {
        String address;
        if (a.mode() == AdapterMode.DIRECT) {
            address = "current address";
        } else if (a.mode() == AdapterMode.RANDOM) {
            address = "random address in " + a.address().map(ProfileSummary::network).orElse("(none)");
        } else if (a.addressAuto()) {
            address = "address from gateway";
        } else {
            address = "address " + a.address().map(ProfileSummary::network).orElse("(none)");
        }
        String mtu = a.mode() == AdapterMode.DIRECT ? "" : ", MTU " + a.mtu();
        line("Adapter", a.mode().keyword() + mtu + ", " + address);
    }

    private void printNameResolution(Profile p) {
        DnsSettings dns = p.nameResolution().dns();
        if (dns.used()) {
            String servers = dns.auto() ? "servers from gateway" : "servers " + addresses(dns.servers());
            String domain = dns.suffixAuto() ? "domain from gateway" : "domain " + dns.suffix().orElse("(none)");
            line("DNS", servers + ", " + domain);
        } else {
            line("DNS", "unchanged");
        }
        SplitDnsSettings split = p.nameResolution().splitDns();
        if (split.used()) {
            line("Split DNS", split.auto() ? "domains from gateway" : String.join(", ", split.domains()));
        }
        WinsSettings wins = p.nameResolution().wins();
        line("WINS", !wins.used() ? "unchanged" : wins.auto() ? "servers from gateway" : addresses(wins.servers()));
    }

    private void printPhase1(Phase1 p) {
        line("Phase 1", p.exchange().keyword() + " mode, cipher " + cipher(p.cipher(), p.cipher().phase1Keyword(),
                p.keyLength()) + ", hash " + p.hash().keyword() + ", DH group " + group(p.dhGroup().number()));
        line("  Lifetime", lifetime(p.lifetime()));
        if (p.checkPointVendorId()) {
            line("  Check Point VID", "on");
        }
    }

    private void printPhase2(Phase2 p) {
        String pfs = p.pfsGroup().map(g -> "PFS group " + group(g.number())).orElse("no PFS");
        line("Phase 2", "transform " + cipher(p.transform(), p.transform().phase2Keyword(), p.keyLength()) + ", HMAC "
                + p.hmac().keyword() + ", " + pfs);
        line("  Lifetime", lifetime(p.lifetime()));
        line("  IP compression", p.ipcomp().keyword());
    }

    private void printPolicy(Policy p) {
        line("Policy", "level " + p.level().keyword() + (p.nailed() ? ", persistent SAs" : ""));
        if (p.topologyAuto()) {
            line("  Networks", "from gateway (or all traffic)");
        }
        p.include().forEach(n -> line("  Include", network(n)));
        p.exclude().forEach(n -> line("  Exclude", network(n)));
    }

    private void secret(String label, SecretKind kind) {
        Secret s = secrets.get(kind);
        if (s != null) {
            line(label, reveal ? ShowCommand.revealed(s) : ShowCommand.HIDDEN);
        }
    }

    private void line(String label, String value) {
        out.printf(FORMAT, label + ":", value);
    }

    private static String identity(Identity id) {
        return id.type().keyword() + id.data().map(d -> " " + d).orElse("");
    }

    private static String file(CertificateFile c) {
        return (c.name().isEmpty() ? "(unnamed)" : c.name()) + " (" + c.size() + " bytes)";
    }

    private static String cipher(Cipher c, String keyword, int keyLength) {
        return keyword + (c.hasKeyLength() ? " " + (keyLength == 0 ? "auto" : keyLength + "-bit") : "");
    }

    private static String group(int number) {
        return number == 0 ? "auto" : Integer.toString(number);
    }

    private static String lifetime(Lifetime l) {
        return l.seconds() + " s" + (l.kilobytes() > 0 ? ", " + l.kilobytes() + " kB" : "");
    }

    private static String network(Ipv4Network n) {
        return n.address().getHostAddress() + " / " + n.netmask().getHostAddress();
    }

    private static String addresses(List<Inet4Address> list) {
        return list.isEmpty() ? "(none)" : list.stream().map(Inet4Address::getHostAddress).collect(Collectors.joining(", "));
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }
}
