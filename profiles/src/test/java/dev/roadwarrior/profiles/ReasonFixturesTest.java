package dev.roadwarrior.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One fixture per {@link Reason} a file can cause: the error or warning must name the reason, the
 * line and the key. Fixtures are named after the reason ({@code errors/out-of-range.vpn}).
 */
class ReasonFixturesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        "not-a-profile.vpn,              NOT_A_PROFILE,              0, -",
        "not-a-profile-binary.vpn,       NOT_A_PROFILE,              2, -",
        "malformed-line.vpn,             MALFORMED_LINE,             3, -",
        "wrong-type.vpn,                 WRONG_TYPE,                 3, network-ike-port",
        "bad-number.vpn,                 BAD_NUMBER,                 4, network-mtu-size",
        "out-of-range.vpn,               OUT_OF_RANGE,               3, network-ike-port",
        "out-of-range-mtu.vpn,           OUT_OF_RANGE,               5, network-mtu-size",
        "unknown-value.vpn,              UNKNOWN_VALUE,              5, auth-method",
        "unsupported-version.vpn,        UNSUPPORTED_VERSION,        1, version",
        "missing-required-key.vpn,       MISSING_REQUIRED_KEY,       0, network-host",
        "missing-required-key.pcf,       MISSING_REQUIRED_KEY,       0, Host",
        "invalid-host.vpn,               INVALID_HOST,               2, network-host",
        "invalid-address.vpn,            INVALID_ADDRESS,           18, client-dns-addr",
        "invalid-netmask.vpn,            INVALID_NETMASK,            7, client-ip-mask",
        "invalid-policy-entry.vpn,       INVALID_POLICY_ENTRY,      17, policy-list-include",
        "unsupported-auth-type.pcf,      UNSUPPORTED_AUTH_TYPE,      4, AuthType",
        "corrupt-encrypted-password.pcf, CORRUPT_ENCRYPTED_PASSWORD, 5, enc_GroupPwd",
    })
    void errorNamesReasonLineAndKey(String file, Reason reason, int line, String key) {
        Path path = Fixtures.fixture("errors/" + file);
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLibrary.read(path, Optional.empty()));
        assertEquals(reason, e.reason(), e::getMessage);
        assertEquals(line, e.line(), e::getMessage);
        assertEquals(Optional.ofNullable(key), e.key(), e::getMessage);
        assertEquals(Optional.of(file), e.source());
        assertTrue(e.getMessage().startsWith(file + (line > 0 ? ":" + line : "") + ": "), e::getMessage);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        "template-placeholder.vpn,        TEMPLATE_PLACEHOLDER,         2, network-host",
        "template-placeholder.vpn,        TEMPLATE_PLACEHOLDER,         9, auth-mutual-psk",
        "not-base64.vpn,                  NOT_BASE64,                   9, auth-mutual-psk",
        "defaulted-key.vpn,               DEFAULTED_KEY,                0, phase1-exchange",
        "duplicate-key.vpn,               DUPLICATE_KEY,                3, network-host",
        "duplicate-key.vpn,               DUPLICATE_KEY,                4, network-ike-port",
        "ignored-line.vpn,                IGNORED_LINE,                 3, network-host",
        "certificate-file-unreadable.vpn, CERTIFICATE_FILE_UNREADABLE,  9, auth-server-cert",
        "certificates-needed.pcf,         CERTIFICATES_NEEDED,          3, AuthType",
    })
    void warningNamesReasonLineAndKey(String file, Reason reason, int line, String key) throws ProfileException {
        ImportResult r = ProfileLibrary.read(Fixtures.fixture("warnings/" + file), Optional.empty());
        List<ProfileWarning> matching = r.warnings().stream()
                .filter(w -> w.reason() == reason && w.line() == line && w.key().equals(Optional.ofNullable(key)))
                .toList();
        assertEquals(1, matching.size(), () -> "warnings were: " + r.warnings());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"not-base64.vpn", "template-placeholder.vpn"})
    void warningsAboutPasswordsDoNotShowRealPasswords(String file) throws ProfileException {
        ImportResult r = ProfileLibrary.read(Fixtures.fixture("warnings/" + file), Optional.empty());
        for (ProfileWarning w : r.warnings()) {
            assertFalse(w.message().contains("s3cr3t-psk"), w::message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"../no-such-file.vpn", "."})
    void unreadableFile(String relative) {
        Path path = Fixtures.fixture("errors").resolve(relative);
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLibrary.read(path, Optional.of("x")));
        assertEquals(Reason.FILE_UNREADABLE, e.reason());
    }

    @org.junit.jupiter.api.Test
    void tooLargeFile(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.vpn");
        Files.write(big, new byte[(1 << 20) + 1]);
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLibrary.read(big, Optional.empty()));
        assertEquals(Reason.FILE_TOO_LARGE, e.reason());
    }
}
