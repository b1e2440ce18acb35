package dev.roadwarrior.profiles.io;

import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileWarning;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.Adapter;
import dev.roadwarrior.profiles.model.AdapterMode;
import dev.roadwarrior.profiles.model.AuthMethod;
import dev.roadwarrior.profiles.model.Authentication;
import dev.roadwarrior.profiles.model.AutoConfigMode;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.profiles.model.Cipher;
import dev.roadwarrior.profiles.model.DhGroup;
import dev.roadwarrior.profiles.model.DnsSettings;
import dev.roadwarrior.profiles.model.EntryType;
import dev.roadwarrior.profiles.model.ExchangeMode;
import dev.roadwarrior.profiles.model.Fragmentation;
import dev.roadwarrior.profiles.model.FragmentationMode;
import dev.roadwarrior.profiles.model.Gateway;
import dev.roadwarrior.profiles.model.HashAlgorithm;
import dev.roadwarrior.profiles.model.HostNames;
import dev.roadwarrior.profiles.model.Identity;
import dev.roadwarrior.profiles.model.IdentityType;
import dev.roadwarrior.profiles.model.IpcompTransform;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.profiles.model.Lifetime;
import dev.roadwarrior.profiles.model.NameResolution;
import dev.roadwarrior.profiles.model.NatTraversal;
import dev.roadwarrior.profiles.model.NatTraversalMode;
import dev.roadwarrior.profiles.model.Phase1;
import dev.roadwarrior.profiles.model.Phase2;
import dev.roadwarrior.profiles.model.Policy;
import dev.roadwarrior.profiles.model.PolicyLevel;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.model.Ranges;
import dev.roadwarrior.profiles.model.ShrewEntry;
import dev.roadwarrior.profiles.model.SplitDnsSettings;
import dev.roadwarrior.profiles.model.WinsSettings;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a Shrew Soft site file ({@code .vpn}), versions 0 to 4 (SHREW-VPN-FORMAT §1-§3).
 *
 * <p><b>Leniency.</b> See {@link ShrewVpnSyntax} for the line syntax and {@link ShrewKeys} for
 * duplicates. Older files are upgraded as Shrew does (§2): {@code s:auth-mutual-psk} becomes
 * bytes, {@code client-dns-enable} becomes {@code client-dns-used} (version 0-1),
 * {@code client-dns-suffix-auto} is derived (version 0-2), certificate paths are read into the
 * profile (version 0-3, relative to the file's directory). The names {@code client-wins-enable}
 * and {@code network-banner-enable} are read in any version when the current name is absent.
 * Keys this class does not know are kept, in order, and written back by {@link ShrewVpnExporter}.
 * The key {@code description} (not Shrew's; {@link ShrewVpnExporter} writes it) fills
 * {@code Profile.description}. The legacy list separator 0x255 of SHREW-VPN-FORMAT §1.1 is not
 * honoured: in C it truncates to the letter {@code U}, so Shrew itself would split on it.
 *
 * <p><b>Placeholders.</b> A template host such as {@code {{ VPN_IP }}} or a group password such
 * as {@code {{ VPN_PSK }}} is accepted with a {@link Reason#TEMPLATE_PLACEHOLDER} warning, so that
 * templates can be imported and edited; {@code ProfileValidator.validateForConnect} refuses them.
 *
 * <p><b>Absent keys</b> take the value the Shrew connect code uses without them; a key that code
 * requires (except {@code network-host} and {@code auth-method}, which are errors) takes the Shrew
 * GUI default with a {@link Reason#DEFAULTED_KEY} warning.
 */
public final class ShrewVpnImporter {

    /** The newest site file version ({@code CONFIG_VERSION} in Shrew 2.2). */
    public static final int CURRENT_VERSION = 4;

    private static final IdentityType[] LOCAL_TYPES = {IdentityType.NONE, IdentityType.ASN1DN, IdentityType.FQDN,
        IdentityType.UFQDN, IdentityType.ADDRESS, IdentityType.KEYID};
    private static final IdentityType[] REMOTE_TYPES = {IdentityType.ANY, IdentityType.ASN1DN, IdentityType.FQDN,
        IdentityType.UFQDN, IdentityType.ADDRESS, IdentityType.KEYID};
    private static final String PSK = "auth-mutual-psk";

    private final ShrewKeys keys;
    private final Path baseDir;
    private final List<ProfileWarning> warnings;
    private int version;

    private ShrewVpnImporter(ShrewKeys keys, Path baseDir, List<ProfileWarning> warnings) {
        this.keys = keys;
        this.baseDir = baseDir;
        this.warnings = warnings;
    }

    /** Reads {@code file} as profile {@code profileName}. */
    public static ImportResult read(Path file, String profileName) throws ProfileException {
        String source = file.getFileName().toString();
        byte[] content = TextDecoding.readFile(file, source);
        return parse(content, source, file.toAbsolutePath().getParent(), profileName);
    }

    /**
     * Parses a file's content.
     *
     * @param content the file's bytes
     * @param source the file name for messages
     * @param baseDir where relative certificate paths of version 0-3 files are looked up
     * @param profileName the name of the new profile
     */
    public static ImportResult parse(byte[] content, String source, Path baseDir, String profileName)
            throws ProfileException {
        List<ProfileWarning> warnings = new ArrayList<>();
        TextDecoding.Text text = TextDecoding.decode(content, source, ".vpn");
        List<ShrewLine> lines = ShrewVpnSyntax.parse(text.text(), source, warnings);
        ShrewKeys keys = new ShrewKeys(lines, source, text.charset(), warnings);
        return new ShrewVpnImporter(keys, baseDir, warnings).map(profileName);
    }

    private ImportResult map(String name) throws ProfileException {
        Optional<ShrewLine> v = keys.take(EntryType.NUMBER, "version");
        version = (int) keys.number("version", 0, 0, Integer.MAX_VALUE);
        if (version > CURRENT_VERSION) {
            throw keys.error(Reason.UNSUPPORTED_VERSION, v.orElseThrow(), Integer.toString(version),
                    Integer.toString(CURRENT_VERSION));
        }
        Gateway gateway = gateway();
        Profile.Builder b = Profile.builder(name, gateway.host())
                .gateway(gateway)
                .description(keys.string("description").map(ShrewLine::value))
                .autoConfig(keys.choice("client-auto-mode", AutoConfigMode.values(), AutoConfigMode::keyword)
                        .orElse(AutoConfigMode.DISABLED))
                .adapter(adapter())
                .natTraversal(natTraversal())
                .fragmentation(new Fragmentation(
                        keys.choice("network-frag-mode", FragmentationMode.values(), FragmentationMode::keyword)
                                .orElse(FragmentationMode.DISABLE),
                        (int) keys.number("network-frag-size", 540, Ranges.FRAGMENT_MIN, Ranges.FRAGMENT_MAX)))
                .deadPeerDetection(keys.flag("network-dpd-enable", false))
                .failureNotifications(keys.flag("network-notify-enable", true))
                .requestBanner(keys.flag("client-banner-enable", "network-banner-enable", false))
                .nameResolution(nameResolution());
        Map<SecretKind, Secret> secrets = new EnumMap<>(SecretKind.class);
        b.authentication(authentication(secrets))
                .phase1(phase1())
                .phase2(phase2())
                .policy(new Policy(
                        keys.choice("policy-level", PolicyLevel.values(), PolicyLevel::keyword).orElse(PolicyLevel.AUTO),
                        keys.flag("policy-nailed", false),
                        keys.flag("policy-list-auto", false),
                        networks("policy-list-include"),
                        networks("policy-list-exclude")))
                .killSwitch(keys.flag(ShrewVpnExporter.KILL_SWITCH_KEY, false))
                .savedUsername(keys.string("client-saved-username").map(ShrewLine::value));
        b.extraEntries(extras());
        return new ImportResult(b.build(), secrets, warnings);
    }

    private Gateway gateway() throws ProfileException {
        Optional<ShrewLine> line = keys.string("network-host");
        String host = line.map(l -> l.value().strip()).orElse("");
        if (host.isEmpty()) {
            throw keys.missing("network-host");
        }
        if (!keys.placeholder(line.get(), host, true) && !HostNames.isValidHost(host)) {
            throw keys.error(Reason.INVALID_HOST, line.get(), host);
        }
        int port = (int) keys.requiredNumber("network-ike-port", 500, Ranges.PORT_MIN, Ranges.PORT_MAX);
        return new Gateway(host, port);
    }

    private Adapter adapter() throws ProfileException {
        AdapterMode mode = keys.requiredChoice("client-iface", AdapterMode.values(), AdapterMode::keyword,
                AdapterMode.VIRTUAL);
        int mtu = (int) keys.number("network-mtu-size", 1500, Ranges.MTU_MIN, Ranges.MTU_MAX);
        boolean auto = keys.flag("client-addr-auto", true);
        Optional<ShrewLine> addr = keys.string("client-ip-addr").filter(l -> !l.value().isBlank());
        Optional<ShrewLine> mask = keys.string("client-ip-mask").filter(l -> !l.value().isBlank());
        boolean needed = mode == AdapterMode.RANDOM || (mode == AdapterMode.VIRTUAL && !auto);
        if (addr.isEmpty() && (needed || mask.isPresent())) {
            throw keys.missing("client-ip-addr");
        }
        if (mask.isEmpty() && addr.isPresent()) {
            throw keys.missing("client-ip-mask");
        }
        Optional<Ipv4Network> net = Optional.empty();
        if (addr.isPresent()) {
            net = Optional.of(ValueParsers.network(keys, addr.get(), addr.get().value(), mask.get(),
                    mask.get().value()));
        }
        return new Adapter(mode, mtu, auto, net);
    }

    private NatTraversal natTraversal() throws ProfileException {
        Optional<ShrewLine> line = keys.string("network-natt-mode");
        NatTraversalMode mode = NatTraversalMode.DISABLE;
        if (line.isPresent()) {
            String v = line.get().value().strip();
            mode = v.equalsIgnoreCase("force") ? NatTraversalMode.FORCE_RFC
                    : keys.choice("network-natt-mode", NatTraversalMode.values(), NatTraversalMode::keyword).orElseThrow();
        }
        int port = (int) keys.number("network-natt-port", mode == NatTraversalMode.FORCE_CISCO_UDP ? 10000 : 4500,
                Ranges.PORT_MIN, Ranges.PORT_MAX);
        int rate = (int) keys.number("network-natt-rate", 30, 0, Ranges.KEEPALIVE_MAX);
        return new NatTraversal(mode, port, rate);
    }

    private NameResolution nameResolution() throws ProfileException {
        boolean dnsUsed = version < 2 ? keys.flag("client-dns-used", "client-dns-enable", false)
                : keys.flag("client-dns-used", false);
        boolean dnsAuto = keys.flag("client-dns-auto", false);
        List<Inet4Address> dnsServers = ValueParsers.addresses(keys, "client-dns-addr");
        Optional<String> suffix = keys.text("client-dns-suffix");
        boolean upgradeDefault = version < 3 && !(dnsUsed && suffix.isPresent());
        boolean suffixAuto = keys.flag("client-dns-suffix-auto", upgradeDefault);
        return new NameResolution(
                new DnsSettings(dnsUsed, dnsAuto, dnsServers, suffixAuto, suffix),
                new SplitDnsSettings(keys.flag("client-splitdns-used", false), keys.flag("client-splitdns-auto", false),
                        keys.list("client-splitdns-list")),
                new WinsSettings(keys.flag("client-wins-used", "client-wins-enable", false),
                        keys.flag("client-wins-auto", false), ValueParsers.addresses(keys, "client-wins-addr")));
    }

    private Authentication authentication(Map<SecretKind, Secret> secrets) throws ProfileException {
        AuthMethod method = keys.choice("auth-method", AuthMethod.values(), AuthMethod::keyword)
                .orElseThrow(() -> keys.missing("auth-method"));
        IdentityType localDefault = method.needsClientCertificate() ? IdentityType.ASN1DN : IdentityType.ADDRESS;
        Identity local = new Identity(
                keys.requiredChoice("ident-client-type", LOCAL_TYPES, IdentityType::keyword, localDefault),
                keys.string("ident-client-data").map(ShrewLine::value));
        Identity remote = new Identity(
                keys.requiredChoice("ident-server-type", REMOTE_TYPES, IdentityType::keyword, IdentityType.ANY),
                keys.string("ident-server-data").map(ShrewLine::value));
        groupPassword().ifPresent(s -> secrets.put(SecretKind.GROUP_PASSWORD, s));
        return new Authentication(method, local, remote, certificate("auth-server-cert"),
                certificate("auth-client-cert"), certificate("auth-client-key"));
    }

    private Optional<Secret> groupPassword() throws ProfileException {
        Optional<ShrewLine> binary = keys.take(EntryType.BINARY, PSK, EntryType.STRING);
        Optional<ShrewLine> legacy = keys.take(EntryType.STRING, PSK, EntryType.BINARY);
        if (binary.isPresent() && legacy.isPresent()) {
            keys.warn(Reason.DUPLICATE_KEY, legacy.get(), Integer.toString(binary.get().number()));
        }
        byte[] bytes;
        ShrewLine line;
        if (binary.isPresent()) {
            line = binary.get();
            // a template value such as {{ VPN_PSK }} is kept as text; the placeholder warning says enough
            bytes = HostNames.isPlaceholder(line.value()) ? keys.bytes(line.value()) : keys.binary(line, true).orElseThrow();
        } else if (legacy.isPresent()) {
            line = legacy.get();
            bytes = keys.bytes(line.value()); // upgrade 0 -> 1: the string becomes bytes
        } else {
            return Optional.empty();
        }
        Secret secret = Secret.of(bytes);
        secret.text().ifPresent(t -> keys.placeholder(line, t, false));
        return Optional.of(secret);
    }

    private Optional<CertificateFile> certificate(String base) throws ProfileException {
        Optional<String> name = keys.string(base + "-name").map(l -> l.value().strip());
        Optional<ShrewLine> data = keys.take(EntryType.BINARY, base + "-data");
        if (name.isEmpty() && data.isEmpty()) {
            return version < CURRENT_VERSION ? ValueParsers.legacyCertificate(keys, base, baseDir) : Optional.empty();
        }
        byte[] bytes = data.isPresent() ? keys.binary(data.get(), false).orElseThrow() : new byte[0];
        return Optional.of(new CertificateFile(name.orElse(""), bytes));
    }

    private Phase1 phase1() throws ProfileException {
        ExchangeMode exchange = keys.requiredChoice("phase1-exchange", ExchangeMode.values(), ExchangeMode::keyword,
                ExchangeMode.AGGRESSIVE);
        Cipher cipher = keys.requiredChoice("phase1-cipher", Cipher.phase1Values(), Cipher::phase1Keyword,
                Cipher.AUTO);
        int keyLength = keyLength("phase1-keylen", cipher);
        HashAlgorithm hash = keys.requiredChoice("phase1-hash", HashAlgorithm.values(), HashAlgorithm::keyword,
                HashAlgorithm.AUTO);
        DhGroup group = dhGroup("phase1-dhgroup", keys.requiredNumber("phase1-dhgroup", 2, Long.MIN_VALUE,
                Long.MAX_VALUE));
        return new Phase1(exchange, cipher, keyLength, hash, group, lifetime("phase1"),
                keys.flag("vendor-chkpt-enable", false));
    }

    private Phase2 phase2() throws ProfileException {
        Cipher transform = keys.requiredChoice("phase2-transform", Cipher.values(), Cipher::phase2Keyword, Cipher.AUTO);
        int keyLength = keyLength("phase2-keylen", transform);
        HashAlgorithm hmac = keys.requiredChoice("phase2-hmac", HashAlgorithm.values(), HashAlgorithm::keyword,
                HashAlgorithm.AUTO);
        long pfs = keys.number("phase2-pfsgroup", Phase2.PFS_DISABLED, Long.MIN_VALUE, Long.MAX_VALUE);
        Optional<DhGroup> pfsGroup = pfs == Phase2.PFS_DISABLED ? Optional.empty()
                : Optional.of(dhGroup("phase2-pfsgroup", pfs));
        IpcompTransform ipcomp = keys.requiredChoice("ipcomp-transform", IpcompTransform.values(),
                IpcompTransform::keyword, IpcompTransform.DISABLED);
        return new Phase2(transform, keyLength, hmac, pfsGroup, lifetime("phase2"), ipcomp);
    }

    private int keyLength(String key, Cipher cipher) throws ProfileException {
        long bits = cipher.hasKeyLength() ? keys.requiredNumber(key, 0, 0, Ranges.KEY_LENGTH_MAX)
                : keys.number(key, 0, 0, Ranges.KEY_LENGTH_MAX);
        if (!cipher.acceptsKeyLength((int) bits)) {
            ShrewLine line = keys.take(EntryType.NUMBER, key).orElseThrow();
            throw keys.error(Reason.UNKNOWN_VALUE, line, Long.toString(bits),
                    cipher == Cipher.BLOWFISH ? "0, 128 to 256 in steps of 8" : "0, 128, 192, 256");
        }
        return (int) bits;
    }

    private DhGroup dhGroup(String key, long number) throws ProfileException {
        Optional<DhGroup> g = DhGroup.of(number);
        if (g.isEmpty()) {
            ShrewLine line = keys.take(EntryType.NUMBER, key).orElseThrow();
            throw keys.error(Reason.UNKNOWN_VALUE, line, Long.toString(number),
                    (key.startsWith("phase2") ? "-1, " : "") + "0, 1, 2, 5, 14, 15, 16, 17, 18, 19, 20, 21");
        }
        return g.get();
    }

    private Lifetime lifetime(String phase) throws ProfileException {
        return new Lifetime(keys.number(phase + "-life-secs", 0, 0, Ranges.LIFETIME_MAX),
                keys.number(phase + "-life-kbytes", 0, 0, Ranges.LIFETIME_MAX));
    }

    private List<Ipv4Network> networks(String key) throws ProfileException {
        Optional<ShrewLine> line = keys.string(key);
        List<Ipv4Network> out = new ArrayList<>();
        if (line.isPresent()) {
            for (String item : line.get().value().split(",")) {
                if (!item.isBlank()) {
                    out.add(ValueParsers.policyEntry(keys, line.get(), item));
                }
            }
        }
        return out;
    }

    private List<ShrewEntry> extras() {
        List<ShrewEntry> out = new ArrayList<>();
        for (ShrewLine line : keys.unused()) {
            String value = line.value();
            if (line.type() == EntryType.BINARY) {
                value = Base64.getEncoder().encodeToString(keys.binary(line, false).orElseThrow());
            } else if (line.type() == EntryType.NUMBER) {
                value = value.strip();
            }
            out.add(new ShrewEntry(line.type(), line.key(), value));
        }
        return out;
    }
}
