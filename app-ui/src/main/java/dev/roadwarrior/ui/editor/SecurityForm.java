package dev.roadwarrior.ui.editor;

import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.AuthMethod;
import dev.roadwarrior.profiles.model.Authentication;
import dev.roadwarrior.profiles.model.Cipher;
import dev.roadwarrior.profiles.model.DhGroup;
import dev.roadwarrior.profiles.model.ExchangeMode;
import dev.roadwarrior.profiles.model.HashAlgorithm;
import dev.roadwarrior.profiles.model.HostNames;
import dev.roadwarrior.profiles.model.Identity;
import dev.roadwarrior.profiles.model.IdentityType;
import dev.roadwarrior.profiles.model.IpcompTransform;
import dev.roadwarrior.profiles.model.Lifetime;
import dev.roadwarrior.profiles.model.Phase1;
import dev.roadwarrior.profiles.model.Phase2;
import dev.roadwarrior.profiles.model.Policy;
import dev.roadwarrior.profiles.model.PolicyLevel;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.model.Ranges;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import dev.roadwarrior.ui.common.UiText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The fields of the editor's Authentication, Phase 1, Phase 2 and Policy tabs, with the profile's
 * secrets, read from and written to a {@link Profile}. FX thread (tests: any one thread).
 */
public final class SecurityForm {

    public final ChoiceInput<AuthMethod> method = NetworkForm.choice(AuthMethod.values());
    public final ChoiceInput<IdentityType> localIdType = new ChoiceInput<>(Arrays.stream(IdentityType.values())
            .filter(t -> t != IdentityType.ANY).toList(), UiText::label);
    public final TextInput localIdData = new TextInput();
    public final ChoiceInput<IdentityType> remoteIdType = new ChoiceInput<>(Arrays.stream(IdentityType.values())
            .filter(t -> t != IdentityType.NONE).toList(), UiText::label);
    public final TextInput remoteIdData = new TextInput();
    public final CertificateInput serverCertificate = new CertificateInput();
    public final CertificateInput clientCertificate = new CertificateInput();
    public final CertificateInput clientKey = new CertificateInput();
    public final SecretInput groupPassword = new SecretInput();
    public final SecretInput keyPassphrase = new SecretInput();
    public final SecretInput certificatePassphrase = new SecretInput();
    public final TextInput savedUsername = new TextInput();
    public final SecretInput xauthPassword = new SecretInput();

    public final ChoiceInput<ExchangeMode> exchange = NetworkForm.choice(ExchangeMode.values());
    public final ChoiceInput<Cipher> phase1Cipher = new ChoiceInput<>(List.of(Cipher.phase1Values()), SecurityForm::cipher);
    public final TextInput phase1KeyLength = new TextInput(s -> keyLength(s, phase1Cipher.get()));
    public final ChoiceInput<HashAlgorithm> phase1Hash = NetworkForm.choice(HashAlgorithm.values());
    public final ChoiceInput<DhGroup> dhGroup = new ChoiceInput<>(List.of(DhGroup.values()), SecurityForm::group);
    public final TextInput phase1Seconds = new TextInput(Checks.number(0, Ranges.LIFETIME_MAX));
    public final TextInput phase1Kilobytes = new TextInput(Checks.number(0, Ranges.LIFETIME_MAX));
    public final BooleanProperty checkPointVendorId = new SimpleBooleanProperty();

    public final ChoiceInput<Cipher> transform = new ChoiceInput<>(List.of(Cipher.values()), SecurityForm::cipher);
    public final TextInput phase2KeyLength = new TextInput(s -> keyLength(s, transform.get()));
    public final ChoiceInput<HashAlgorithm> hmac = NetworkForm.choice(HashAlgorithm.values());
    public final ChoiceInput<Integer> pfsGroup = new ChoiceInput<>(pfsOptions(), SecurityForm::pfs);
    public final TextInput phase2Seconds = new TextInput(Checks.number(0, Ranges.LIFETIME_MAX));
    public final TextInput phase2Kilobytes = new TextInput(Checks.number(0, Ranges.LIFETIME_MAX));
    public final ChoiceInput<IpcompTransform> ipcomp = NetworkForm.choice(IpcompTransform.values());

    public final ChoiceInput<PolicyLevel> policyLevel = NetworkForm.choice(PolicyLevel.values());
    public final BooleanProperty nailed = new SimpleBooleanProperty();
    public final BooleanProperty topologyAuto = new SimpleBooleanProperty();
    public final TextInput include = new TextInput(Checks::networks);
    public final TextInput exclude = new TextInput(Checks::networks);

    SecurityForm() {
        serverCertificate.check(needs(() -> method.get().needsServerCertificate(), serverCertificate));
        clientCertificate.check(needs(() -> method.get().needsClientCertificate(), clientCertificate));
        clientKey.check(needs(() -> method.get().needsClientCertificate(), clientKey));
        groupPassword.check(() -> {
            if (!method.get().usesGroupPassword()) {
                return Optional.empty();
            }
            if (!groupPassword.present()) {
                return Problem.of(Reason.MISSING_GROUP_PASSWORD, method.get().keyword());
            }
            String t = groupPassword.text().get();
            return HostNames.isPlaceholder(t) ? Problem.of(Reason.TEMPLATE_PLACEHOLDER, t) : Optional.empty();
        });
    }

    /** The checked fields, for validation. */
    List<Field> fields() {
        return List.of(serverCertificate, clientCertificate, clientKey, groupPassword, phase1KeyLength, phase1Seconds,
                phase1Kilobytes, phase2KeyLength, phase2Seconds, phase2Kilobytes, include, exclude);
    }

    void load(Profile p, Map<SecretKind, Secret> secrets) {
        Authentication a = p.authentication();
        method.set(a.method());
        localIdType.set(a.local().type());
        localIdData.set(a.local().data().orElse(""));
        remoteIdType.set(a.remote().type());
        remoteIdData.set(a.remote().data().orElse(""));
        serverCertificate.set(a.serverCertificate());
        clientCertificate.set(a.clientCertificate());
        clientKey.set(a.clientKey());
        groupPassword.load(Optional.ofNullable(secrets.get(SecretKind.GROUP_PASSWORD)));
        keyPassphrase.load(Optional.ofNullable(secrets.get(SecretKind.CLIENT_KEY_PASSPHRASE)));
        certificatePassphrase.load(Optional.ofNullable(secrets.get(SecretKind.CLIENT_CERTIFICATE_PASSPHRASE)));
        savedUsername.set(p.savedUsername().orElse(""));
        xauthPassword.load(Optional.ofNullable(secrets.get(SecretKind.XAUTH_PASSWORD)));
        Phase1 p1 = p.phase1();
        exchange.set(p1.exchange());
        phase1Cipher.set(p1.cipher());
        phase1KeyLength.set(p1.keyLength());
        phase1Hash.set(p1.hash());
        dhGroup.set(p1.dhGroup());
        phase1Seconds.set(p1.lifetime().seconds());
        phase1Kilobytes.set(p1.lifetime().kilobytes());
        checkPointVendorId.set(p1.checkPointVendorId());
        Phase2 p2 = p.phase2();
        transform.set(p2.transform());
        phase2KeyLength.set(p2.keyLength());
        hmac.set(p2.hmac());
        pfsGroup.set(p2.pfsGroupNumber());
        phase2Seconds.set(p2.lifetime().seconds());
        phase2Kilobytes.set(p2.lifetime().kilobytes());
        ipcomp.set(p2.ipcomp());
        Policy pol = p.policy();
        policyLevel.set(pol.level());
        nailed.set(pol.nailed());
        topologyAuto.set(pol.topologyAuto());
        include.set(Checks.networkText(pol.include()));
        exclude.set(Checks.networkText(pol.exclude()));
    }

    /** Writes the fields into {@code b}; the fields must be valid. */
    void store(Profile.Builder b) {
        b.authentication(new Authentication(method.get(), new Identity(localIdType.get(), localIdData.optional()),
                        new Identity(remoteIdType.get(), remoteIdData.optional()), serverCertificate.file(),
                        clientCertificate.file(), clientKey.file()))
                .savedUsername(savedUsername.optional())
                .phase1(new Phase1(exchange.get(), phase1Cipher.get(), Integer.parseInt(phase1KeyLength.value()),
                        phase1Hash.get(), dhGroup.get(), lifetime(phase1Seconds, phase1Kilobytes), checkPointVendorId.get()))
                .phase2(new Phase2(transform.get(), Integer.parseInt(phase2KeyLength.value()), hmac.get(),
                        pfsGroup.get() < 0 ? Optional.empty() : DhGroup.of(pfsGroup.get()),
                        lifetime(phase2Seconds, phase2Kilobytes), ipcomp.get()))
                .policy(new Policy(policyLevel.get(), nailed.get(), topologyAuto.get(),
                        Checks.networkList(include.value()), Checks.networkList(exclude.value())));
    }

    /** Every secret kind with the value to store (empty: remove it). */
    Map<SecretKind, Optional<Secret>> secrets() {
        Map<SecretKind, Optional<Secret>> m = new EnumMap<>(SecretKind.class);
        m.put(SecretKind.GROUP_PASSWORD, groupPassword.value());
        m.put(SecretKind.CLIENT_KEY_PASSPHRASE, keyPassphrase.value());
        m.put(SecretKind.CLIENT_CERTIFICATE_PASSPHRASE, certificatePassphrase.value());
        m.put(SecretKind.XAUTH_PASSWORD, xauthPassword.value());
        return m;
    }

    private static Lifetime lifetime(TextInput seconds, TextInput kilobytes) {
        return new Lifetime(Long.parseLong(seconds.value()), Long.parseLong(kilobytes.value()));
    }

    private Supplier<Optional<Problem>> needs(Supplier<Boolean> needed, CertificateInput input) {
        return () -> needed.get() && input.file().isEmpty()
                ? Problem.of(Reason.MISSING_CERTIFICATE, method.get().keyword()) : Optional.empty();
    }

    private static Optional<Problem> keyLength(String s, Cipher cipher) {
        Optional<Problem> number = Checks.number(0, Ranges.KEY_LENGTH_MAX).apply(s);
        if (number.isPresent()) {
            return number;
        }
        if (cipher.acceptsKeyLength(Integer.parseInt(s))) {
            return Optional.empty();
        }
        return Problem.of(Reason.UNKNOWN_VALUE, s, cipher == Cipher.BLOWFISH ? UiText.get("editor.keyLength.blowfish")
                : "0, 128, 192, 256");
    }

    private static List<Integer> pfsOptions() {
        List<Integer> out = new ArrayList<>(List.of(Phase2.PFS_DISABLED));
        Arrays.stream(DhGroup.values()).forEach(g -> out.add(g.number()));
        return out;
    }

    private static String cipher(Cipher c) {
        return UiText.label(c);
    }

    private static String group(DhGroup g) {
        return UiText.label(g);
    }

    private static String pfs(Integer n) {
        return n < 0 ? UiText.get("editor.pfs.disabled") : group(DhGroup.of(n).orElseThrow());
    }
}
