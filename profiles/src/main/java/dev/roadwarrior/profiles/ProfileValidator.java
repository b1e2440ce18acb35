package dev.roadwarrior.profiles;

import dev.roadwarrior.profiles.model.AuthMethod;
import dev.roadwarrior.profiles.model.Authentication;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.profiles.model.HostNames;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a stored profile can be used to connect.
 *
 * <p><b>Why this is separate from import.</b> Real site files are often templates (a host of
 * {@code {{ VPN_IP }}}, a group password of {@code {{ VPN_PSK }}}). Import accepts them with a
 * {@link Reason#TEMPLATE_PLACEHOLDER} warning so that the user can store the template and edit
 * it; connecting with such a profile is refused here with the same reason, line-less and keyed by
 * the Shrew key name, the profile name as source.
 */
public final class ProfileValidator {

    private ProfileValidator() {
    }

    /**
     * Throws the first problem {@link #problems} finds.
     *
     * @param groupPassword the stored group password, if any
     */
    public static void validateForConnect(Profile profile, Optional<Secret> groupPassword) throws ProfileException {
        List<ProfileException> found = problems(profile, groupPassword);
        if (!found.isEmpty()) {
            throw found.get(0);
        }
    }

    /**
     * Everything that stops the profile from connecting: a placeholder or invalid host
     * ({@code network-host}), a missing or placeholder group password for the methods that need
     * one ({@code auth-mutual-psk}), missing certificate or key data for the RSA and hybrid
     * methods, a missing static address when the adapter needs one.
     */
    public static List<ProfileException> problems(Profile profile, Optional<Secret> groupPassword) {
        List<ProfileException> out = new ArrayList<>();
        String name = profile.name();
        String host = profile.gateway().host();
        if (HostNames.isPlaceholderHost(host)) {
            out.add(new ProfileException(Reason.TEMPLATE_PLACEHOLDER, name, 0, "network-host", host));
        } else if (!HostNames.isValidHost(host)) {
            out.add(new ProfileException(Reason.INVALID_HOST, name, 0, "network-host", host));
        }
        Authentication auth = profile.authentication();
        AuthMethod method = auth.method();
        if (method.usesGroupPassword()) {
            Optional<String> text = groupPassword.flatMap(Secret::text);
            if (groupPassword.isEmpty() || groupPassword.get().length() == 0) {
                out.add(new ProfileException(Reason.MISSING_GROUP_PASSWORD, name, 0, "auth-mutual-psk",
                        method.keyword()));
            } else if (text.isPresent() && HostNames.isPlaceholder(text.get())) {
                out.add(new ProfileException(Reason.TEMPLATE_PLACEHOLDER, name, 0, "auth-mutual-psk", text.get()));
            }
        }
        if (method.needsServerCertificate()) {
            certificate(out, name, method, auth.serverCertificate(), "auth-server-cert-data");
        }
        if (method.needsClientCertificate()) {
            certificate(out, name, method, auth.clientCertificate(), "auth-client-cert-data");
            certificate(out, name, method, auth.clientKey(), "auth-client-key-data");
        }
        if (profile.adapter().needsStaticAddress() && profile.adapter().address().isEmpty()) {
            out.add(new ProfileException(Reason.MISSING_REQUIRED_KEY, name, 0, "client-ip-addr"));
        }
        return out;
    }

    private static void certificate(List<ProfileException> out, String name, AuthMethod method,
            Optional<CertificateFile> file, String key) {
        if (file.isEmpty() || file.get().size() == 0) {
            out.add(new ProfileException(Reason.MISSING_CERTIFICATE, name, 0, key, method.keyword()));
        }
    }
}
