package dev.roadwarrior.cli;

import dev.roadwarrior.engine.ike.auth.CertificateFiles;
import dev.roadwarrior.profiles.model.Authentication;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The passphrase of the client's private key (or PKCS#12) file for {@code connect}: from
 * standard input when asked to, else the stored one, else asked on the terminal when the file
 * is encrypted. Methods without a client certificate need none.
 */
final class KeyPassphrases {

    private KeyPassphrases() {
    }

    /**
     * @param stdin read the passphrase as the first line of {@code in}; the line is read byte by
     *     byte, so that the rest of the input stays there for the XAuth password
     * @throws IllegalArgumentException when the key file is encrypted and nothing can supply the
     *     passphrase (with a message in words)
     */
    static Optional<char[]> of(Profile profile, Map<SecretKind, Secret> secrets, boolean stdin, InputStream in,
            Console console) throws IOException {
        Authentication auth = profile.authentication();
        if (!auth.method().needsClientCertificate()) {
            return Optional.empty();
        }
        if (stdin) {
            return Optional.of(firstLine(in));
        }
        for (SecretKind kind : List.of(SecretKind.CLIENT_KEY_PASSPHRASE, SecretKind.CLIENT_CERTIFICATE_PASSPHRASE)) {
            Optional<String> stored = Optional.ofNullable(secrets.get(kind)).flatMap(Secret::text);
            if (stored.isPresent()) {
                return Optional.of(stored.get().toCharArray());
            }
        }
        byte[] certificate = auth.clientCertificate().map(CertificateFile::data).orElse(new byte[0]);
        byte[] key = auth.clientKey().map(CertificateFile::data).orElse(new byte[0]);
        if (!CertificateFiles.needsPassphrase(certificate, key)) {
            return Optional.empty();
        }
        if (console == null) {
            throw new IllegalArgumentException("the private key file of profile " + profile.name()
                    + " is encrypted: give its passphrase with --key-passphrase-stdin, or run in a terminal to be asked");
        }
        String file = auth.clientKey().map(CertificateFile::name).filter(n -> !n.isEmpty()).orElse("the private key");
        return Optional.ofNullable(console.readPassword("Passphrase for %s: ", file));
    }

    private static char[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        byte[] bytes = line.toByteArray();
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] chars = Arrays.copyOf(decoded.array(), decoded.limit());
        Arrays.fill(decoded.array(), '\0');
        Arrays.fill(bytes, (byte) 0);
        return chars;
    }
}
