package dev.roadwarrior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.profiles.model.AuthMethod;
import dev.roadwarrior.profiles.model.Authentication;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.profiles.model.Identity;
import dev.roadwarrior.profiles.model.IdentityType;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the client key's passphrase comes from. */
class KeyPassphrasesTest {

    private static final byte[] ENCRYPTED_KEY = ("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n"
            + "-----END ENCRYPTED PRIVATE KEY-----\n").getBytes(StandardCharsets.US_ASCII);

    private static Profile profile(AuthMethod method, byte[] key) {
        return Profile.builder("p", "gw.example.net")
                .authentication(new Authentication(method, Identity.of(IdentityType.ASN1DN), Identity.of(IdentityType.ANY),
                        Optional.of(new CertificateFile("ca.pem", new byte[] {1})),
                        Optional.of(new CertificateFile("me.pem", new byte[] {2})),
                        Optional.of(new CertificateFile("me.key", key))))
                .build();
    }

    @Test
    void theFirstStdinLineIsThePassphraseAndTheRestStays() throws IOException {
        InputStream in = new ByteArrayInputStream("pässphrase\r\nxauth-password\n".getBytes(StandardCharsets.UTF_8));
        Optional<char[]> p = KeyPassphrases.of(profile(AuthMethod.MUTUAL_RSA, ENCRYPTED_KEY), Map.of(), true, in, null);
        assertEquals("pässphrase", new String(p.orElseThrow()));
        assertEquals("xauth-password\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aStoredPassphraseIsUsed() throws IOException {
        Optional<char[]> p = KeyPassphrases.of(profile(AuthMethod.MUTUAL_RSA_XAUTH, ENCRYPTED_KEY),
                Map.of(SecretKind.CLIENT_CERTIFICATE_PASSPHRASE, Secret.ofText("stored")), false, InputStream.nullInputStream(),
                null);
        assertEquals("stored", new String(p.orElseThrow()));
    }

    @Test
    void withoutTerminalAnEncryptedKeyIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyPassphrases.of(
                profile(AuthMethod.MUTUAL_RSA, ENCRYPTED_KEY), Map.of(), false, InputStream.nullInputStream(), null));
        assertTrue(e.getMessage().contains("--key-passphrase-stdin"), e.getMessage());
    }

    @Test
    void plainKeysAndMethodsWithoutClientCertificatesNeedNone() throws IOException {
        byte[] plain = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.empty(), KeyPassphrases.of(profile(AuthMethod.MUTUAL_RSA, plain), Map.of(), false,
                InputStream.nullInputStream(), null));
        assertEquals(Optional.empty(), KeyPassphrases.of(profile(AuthMethod.HYBRID_RSA_XAUTH, ENCRYPTED_KEY), Map.of(),
                true, InputStream.nullInputStream(), null));
    }
}
