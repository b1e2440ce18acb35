package dev.roadwarrior.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roadwarrior.profiles.model.Adapter;
import dev.roadwarrior.profiles.model.AdapterMode;
import dev.roadwarrior.profiles.model.AuthMethod;
import dev.roadwarrior.profiles.model.Authentication;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.profiles.model.Gateway;
import dev.roadwarrior.profiles.model.Identity;
import dev.roadwarrior.profiles.model.IdentityType;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileValidatorTest {

    private static final Optional<Secret> PSK = Optional.of(Secret.ofText("psk"));

    private static Profile psk(String host) {
        return Profile.builder("p", host).authentication(new Authentication(AuthMethod.MUTUAL_PSK_XAUTH,
                Identity.of(IdentityType.KEYID, "grp"), Identity.of(IdentityType.ANY),
                Optional.empty(), Optional.empty(), Optional.empty())).build();
    }

    private static List<String> problems(Profile p, Optional<Secret> psk) {
        return ProfileValidator.problems(p, psk).stream()
                .map(e -> e.reason() + " " + e.key().orElse("")).toList();
    }

    @Test
    void aCompleteProfilePasses() throws ProfileException {
        ProfileValidator.validateForConnect(psk("vpn.example.net"), PSK);
        ProfileValidator.validateForConnect(psk("192.0.2.1"), PSK);
    }

    @Test
    void placeholdersAndBadHosts() {
        for (String host : List.of("{{ VPN_IP }}", "<gateway>", "${HOST}", "%HOST%", "YOUR_HOST", "VPN_IP",
                "your-vpn-server.example.com", "changeme.example.net")) {
            assertEquals(List.of("TEMPLATE_PLACEHOLDER network-host"), problems(psk(host), PSK), host);
        }
        for (String host : List.of("vpn host", "-bad.example", "a..b", "256.1.1.1", "under_score_ok.example")) {
            List<String> expected = host.startsWith("under") ? List.of() : List.of("INVALID_HOST network-host");
            assertEquals(expected, problems(psk(host), PSK), host);
        }
    }

    @Test
    void groupPassword() {
        assertEquals(List.of("MISSING_GROUP_PASSWORD auth-mutual-psk"), problems(psk("gw"), Optional.empty()));
        assertEquals(List.of("MISSING_GROUP_PASSWORD auth-mutual-psk"),
                problems(psk("gw"), Optional.of(Secret.ofText(""))));
        assertEquals(List.of("TEMPLATE_PLACEHOLDER auth-mutual-psk"),
                problems(psk("gw"), Optional.of(Secret.ofText("{{ VPN_PSK }}"))));
        assertEquals(List.of(), problems(psk("gw"), Optional.of(Secret.ofText("MY_REAL_KEY")))); // caps are fine in a key
    }

    @Test
    void certificatesAndStaticAddress() {
        Profile rsa = Profile.builder("p", "gw").authentication(new Authentication(AuthMethod.MUTUAL_RSA,
                Identity.of(IdentityType.ASN1DN), Identity.of(IdentityType.ANY),
                Optional.of(new CertificateFile("ca.pem", new byte[] {1})), Optional.empty(),
                Optional.of(new CertificateFile("k.pem", new byte[0])))).build();
        assertEquals(List.of("MISSING_CERTIFICATE auth-client-cert-data", "MISSING_CERTIFICATE auth-client-key-data"),
                problems(rsa, Optional.empty()));
        Profile hybrid = rsa.toBuilder().authentication(new Authentication(AuthMethod.HYBRID_RSA_XAUTH,
                Identity.of(IdentityType.ADDRESS), Identity.of(IdentityType.ANY), Optional.empty(), Optional.empty(),
                Optional.empty())).gateway(new Gateway("gw", 500))
                .adapter(new Adapter(AdapterMode.RANDOM, 1380, true, Optional.empty())).build();
        assertEquals(List.of("MISSING_CERTIFICATE auth-server-cert-data", "MISSING_REQUIRED_KEY client-ip-addr"),
                problems(hybrid, Optional.empty()));
    }
}
