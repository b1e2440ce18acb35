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
import dev.roadwarrior.profiles.model.Cipher;
import dev.roadwarrior.profiles.model.DhGroup;
import dev.roadwarrior.profiles.model.DnsSettings;
import dev.roadwarrior.profiles.model.ExchangeMode;
import dev.roadwarrior.profiles.model.Fragmentation;
import dev.roadwarrior.profiles.model.FragmentationMode;
import dev.roadwarrior.profiles.model.HashAlgorithm;
import dev.roadwarrior.profiles.model.HostNames;
import dev.roadwarrior.profiles.model.Identity;
import dev.roadwarrior.profiles.model.IdentityType;
import dev.roadwarrior.profiles.model.IpcompTransform;
import dev.roadwarrior.profiles.model.Lifetime;
import dev.roadwarrior.profiles.model.NameResolution;
import dev.roadwarrior.profiles.model.NatTraversal;
import dev.roadwarrior.profiles.model.NatTraversalMode;
import dev.roadwarrior.profiles.model.Phase1;
import dev.roadwarrior.profiles.model.Phase2;
import dev.roadwarrior.profiles.model.Policy;
import dev.roadwarrior.profiles.model.PolicyLevel;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.model.SplitDnsSettings;
import dev.roadwarrior.profiles.model.WinsSettings;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Imports a Cisco VPN Client profile ({@code .pcf}) the way Shrew 2.2 does (SHREW-VPN-FORMAT §4).
 *
 * <p>Lines are {@code Name=Value}; a {@code [main]} header, lines without {@code =} and fields
 * with an empty name or value are skipped; a leading {@code !} (a field the user may not edit) and
 * spaces are ignored; names match without regard to case; a repeated field keeps its last value.
 * Text that is not valid UTF-8 is read as ISO-8859-15.
 *
 * <p>Mapped fields: {@code Host}, {@code AuthType} (1 group password, 3 certificates, 5 hybrid),
 * {@code GroupName}, {@code GroupPwd} / {@code enc_GroupPwd}, {@code DHGroup}, {@code EnableNat},
 * {@code Username}, {@code Description}, and, beyond Shrew, {@code UserPassword} /
 * {@code enc_UserPassword} as a saved XAuth password. Everything else starts from Shrew's .pcf
 * defaults. A placeholder host is a warning, as in {@link ShrewVpnImporter}.
 */
public final class PcfImporter {

    private record Field(int line, String name, String value) {
    }

    private final String source;
    private final TextDecoding.Text text;
    private final Map<String, Field> fields = new HashMap<>();
    private final List<ProfileWarning> warnings = new ArrayList<>();

    private PcfImporter(String source, TextDecoding.Text text) {
        this.source = source;
        this.text = text;
    }

    /** Reads {@code file} as profile {@code profileName}. */
    public static ImportResult read(Path file, String profileName) throws ProfileException {
        String source = file.getFileName().toString();
        return parse(TextDecoding.readFile(file, source), source, profileName);
    }

    /** Parses a file's content; {@code source} names the file in messages. */
    public static ImportResult parse(byte[] content, String source, String profileName) throws ProfileException {
        PcfImporter p = new PcfImporter(source, TextDecoding.decode(content, source, ".pcf"));
        p.split();
        return p.map(profileName);
    }

    private void split() throws ProfileException {
        String[] lines = text.text().split("\n", -1);
        boolean any = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "").strip();
            while (line.startsWith("!") || line.startsWith(" ")) {
                line = line.substring(1);
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || line.startsWith("[")) {
                continue;
            }
            any = true;
            String name = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!name.isEmpty() && !value.isEmpty()) {
                Field earlier = fields.put(name.toLowerCase(Locale.ROOT), new Field(i + 1, name, value));
                if (earlier != null) {
                    warnings.add(new ProfileWarning(Reason.DUPLICATE_KEY, source, earlier.line(), earlier.name(),
                            List.of(Integer.toString(i + 1))));
                }
            }
        }
        if (!any) {
            throw new ProfileException(Reason.NOT_A_PROFILE, source, 0, null, ".pcf");
        }
    }

    private ImportResult map(String name) throws ProfileException {
        Field hostField = field("Host").orElseThrow(
                () -> new ProfileException(Reason.MISSING_REQUIRED_KEY, source, 0, "Host"));
        String host = hostField.value();
        if (HostNames.isPlaceholderHost(host)) {
            warn(Reason.TEMPLATE_PLACEHOLDER, hostField, host);
        } else if (!HostNames.isValidHost(host)) {
            throw error(Reason.INVALID_HOST, hostField, host);
        }
        AuthMethod method = authMethod();
        Identity local = field("GroupName").map(f -> Identity.of(IdentityType.KEYID, f.value()))
                .orElse(Identity.of(method == AuthMethod.MUTUAL_PSK_XAUTH ? IdentityType.ADDRESS : IdentityType.ASN1DN));
        DhGroup dh = DhGroup.MODP_1024;
        Optional<Field> dhField = field("DHGroup");
        if (dhField.isPresent()) {
            long n = number(dhField.get());
            dh = DhGroup.of(n).orElseThrow(() -> error(Reason.UNKNOWN_VALUE, dhField.get(), Long.toString(n),
                    "0, 1, 2, 5, 14, 15, 16, 17, 18"));
        }
        NatTraversalMode natt = NatTraversalMode.ENABLE;
        Optional<Field> nat = field("EnableNat");
        if (nat.isPresent()) {
            natt = number(nat.get()) != 0 ? NatTraversalMode.ENABLE : NatTraversalMode.DISABLE;
        }
        Profile profile = Profile.builder(name, host)
                .description(field("Description").map(Field::value))
                .autoConfig(AutoConfigMode.PULL)
                .adapter(new Adapter(AdapterMode.VIRTUAL, 1380, true, Optional.empty()))
                .natTraversal(new NatTraversal(natt, 4500, 15))
                .fragmentation(new Fragmentation(FragmentationMode.DISABLE, 540))
                .deadPeerDetection(true).failureNotifications(true).requestBanner(true)
                .nameResolution(new NameResolution(new DnsSettings(true, true, List.of(), true, Optional.empty()),
                        new SplitDnsSettings(true, true, List.of()), new WinsSettings(true, true, List.of())))
                .authentication(new Authentication(method, local, Identity.of(IdentityType.ANY),
                        Optional.empty(), Optional.empty(), Optional.empty()))
                .phase1(new Phase1(ExchangeMode.AGGRESSIVE, Cipher.AUTO, 0, HashAlgorithm.AUTO, dh,
                        new Lifetime(86400, 0), false))
                .phase2(new Phase2(Cipher.AUTO, 0, HashAlgorithm.AUTO, Optional.of(DhGroup.AUTO),
                        new Lifetime(3600, 0), IpcompTransform.DISABLED))
                .policy(new Policy(PolicyLevel.AUTO, false, true, List.of(), List.of()))
                .savedUsername(field("Username").map(Field::value))
                .build();
        Map<SecretKind, Secret> secrets = new EnumMap<>(SecretKind.class);
        password("GroupPwd", "enc_GroupPwd").ifPresent(s -> secrets.put(SecretKind.GROUP_PASSWORD, s));
        password("UserPassword", "enc_UserPassword").ifPresent(s -> secrets.put(SecretKind.XAUTH_PASSWORD, s));
        return new ImportResult(profile, secrets, warnings);
    }

    private AuthMethod authMethod() throws ProfileException {
        Optional<Field> f = field("AuthType");
        String v = f.map(Field::value).orElse("1");
        switch (v) {
            case "1":
                return AuthMethod.MUTUAL_PSK_XAUTH;
            case "3":
                warn(Reason.CERTIFICATES_NEEDED, f.get(), AuthMethod.MUTUAL_RSA_XAUTH.keyword());
                return AuthMethod.MUTUAL_RSA_XAUTH;
            case "5":
                warn(Reason.CERTIFICATES_NEEDED, f.get(), AuthMethod.HYBRID_GRP_XAUTH.keyword());
                return AuthMethod.HYBRID_GRP_XAUTH;
            default:
                throw error(Reason.UNSUPPORTED_AUTH_TYPE, f.orElseThrow(), v);
        }
    }

    /** A cleartext or encrypted password field; the one later in the file wins, as in Shrew. */
    private Optional<Secret> password(String clearName, String encryptedName) throws ProfileException {
        Optional<Field> clear = field(clearName);
        Optional<Field> encrypted = field(encryptedName);
        if (encrypted.isPresent() && (clear.isEmpty() || encrypted.get().line() > clear.get().line())) {
            try {
                return Optional.of(Secret.of(CiscoPasswords.decrypt(encrypted.get().value())));
            } catch (CiscoPasswords.CorruptException e) {
                throw error(Reason.CORRUPT_ENCRYPTED_PASSWORD, encrypted.get(), e.getMessage());
            }
        }
        if (clear.isEmpty()) {
            return Optional.empty();
        }
        Secret s = Secret.of(clear.get().value().getBytes(text.charset()));
        if (HostNames.isPlaceholder(clear.get().value())) {
            warn(Reason.TEMPLATE_PLACEHOLDER, clear.get(), clear.get().value());
        }
        return Optional.of(s);
    }

    private long number(Field f) throws ProfileException {
        if (!f.value().matches("[+-]?[0-9]{1,9}")) {
            throw error(Reason.BAD_NUMBER, f, f.value());
        }
        return Long.parseLong(f.value());
    }

    private Optional<Field> field(String name) {
        return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
    }

    private ProfileException error(Reason reason, Field f, String... args) {
        return new ProfileException(reason, source, f.line(), f.name(), args);
    }

    private void warn(Reason reason, Field f, String... args) {
        warnings.add(new ProfileWarning(reason, source, f.line(), f.name(), List.of(args)));
    }
}
