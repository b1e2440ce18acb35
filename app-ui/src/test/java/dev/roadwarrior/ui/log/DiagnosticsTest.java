package dev.roadwarrior.ui.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.daemon.TestProfiles;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.io.ProfileStore;
import dev.roadwarrior.profiles.secrets.FileSecretStore;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnostics zip holds what support needs and never a secret. */
class DiagnosticsTest {

    @TempDir
    Path temp;

    @Test
    void theZipHoldsLogProfileVersionsAndHostStateButNoSecret() throws Exception {
        ProfileLibrary library = new ProfileLibrary(new ProfileStore(temp.resolve("profiles")),
                new FileSecretStore(temp.resolve("secrets")));
        library.store(TestProfiles.lab(temp));
        library.secrets().put("lab", SecretKind.XAUTH_PASSWORD, Secret.ofText(TestProfiles.PASSWORD));
        library.secrets().put("lab", SecretKind.CLIENT_KEY_PASSPHRASE, Secret.ofText("key-pass-phrase-77"));
        Path resolv = Files.writeString(temp.resolve("resolv.conf"), "nameserver 10.3.0.53\nsearch corp.example\n");
        List<String> secrets = List.of(TestProfiles.GROUP_PASSWORD, TestProfiles.PASSWORD, "key-pass-phrase-77");
        // a log line that (against the rules) quotes a secret, and a command output that does: both are scrubbed
        String log = "19:00 INFO connecting\n19:01 DEBUG leaked " + TestProfiles.PASSWORD + " and "
                + Base64.getEncoder().encodeToString(TestProfiles.GROUP_PASSWORD.getBytes(StandardCharsets.UTF_8)) + "\n";
        Diagnostics diagnostics = new Diagnostics(library, command -> String.join(" ", command) + " output "
                + TestProfiles.GROUP_PASSWORD, resolv);
        Path zip = temp.resolve("out/diag.zip");
        Files.createDirectories(zip.getParent());

        diagnostics.write(zip, log, Optional.of("lab"));

        byte[] raw = Files.readAllBytes(zip);
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(raw))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("host/ip-addr.txt", "host/ip-route.txt", "host/ip-rule.txt", "host/resolv.conf",
                "host/resolvectl-status.txt", "profile-lab.json", "roadwarrior.log", "versions.txt"),
                entries.keySet().stream().sorted().toList());
        assertTrue(entries.get("roadwarrior.log").contains("19:00 INFO connecting"));
        assertTrue(entries.get("profile-lab.json").contains("203.0.113.2"));
        assertTrue(entries.get("host/resolv.conf").contains("nameserver 10.3.0.53"));
        assertTrue(entries.get("host/ip-route.txt").startsWith("ip route show table all output"));
        assertTrue(entries.get("versions.txt").startsWith("Roadwarrior "));
        String rawText = new String(raw, StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            for (String form : List.of(secret, Base64.getEncoder().encodeToString(bytes),
                    Base64.getEncoder().withoutPadding().encodeToString(bytes))) {
                assertFalse(rawText.contains(form), "the zip's bytes hold " + form);
                entries.forEach((name, text) -> assertFalse(text.contains(form), name + " holds " + form));
            }
        }
    }
}
