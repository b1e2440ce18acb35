package dev.roadwarrior.profiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.profiles.io.ProfileStore;
import dev.roadwarrior.profiles.io.ShrewVpnExporter.LineEnding;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import dev.roadwarrior.profiles.secrets.SecretStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLibraryTest {

    @TempDir
    Path home;
    private ProfileLibrary library;

    @BeforeEach
    void open() {
        library = ProfileLibrary.open(RoadwarriorPaths.resolve(Map.of(), home.toString(), home), Map.of());
    }

    @Test
    void importKeepsTheGroupPasswordOutOfTheProfileFile() throws Exception {
        ImportResult r = library.importFile(Fixtures.fixture("vpn/lf.vpn"), Optional.empty());
        assertEquals("lf", r.profile().name());
        Path json = home.resolve("profiles/lf.json");
        String text = Files.readString(json);
        assertFalse(text.contains("DacVpnTel2021"), text);
        assertFalse(text.contains(Base64.getEncoder().encodeToString("DacVpnTel2021".getBytes())), text);
        assertEquals(Optional.of(Secret.ofText("DacVpnTel2021")), library.secrets().get("lf", SecretKind.GROUP_PASSWORD));
        assertEquals("rw-------", mode(json));
        assertEquals("rwx------", mode(home.resolve("profiles")));
        assertEquals("rw-------", mode(home.resolve("secrets.json")));
        assertEquals(r.profile(), library.load("lf"));
    }

    @Test
    void failedImportsTouchNothing() throws Exception {
        library.importFile(Fixtures.fixture("vpn/lf.vpn"), Optional.of("existing"));
        Map<String, String> before = snapshot();
        for (String bad : new String[] {"errors/out-of-range.vpn", "errors/not-a-profile.vpn",
            "errors/corrupt-encrypted-password.pcf"}) {
            assertThrows(ProfileException.class, () -> library.importFile(Fixtures.fixture(bad), Optional.of("existing")));
            assertThrows(ProfileException.class, () -> library.importFile(Fixtures.fixture(bad), Optional.of("new")));
        }
        ProfileException clash = assertThrows(ProfileException.class,
                () -> library.importFile(Fixtures.fixture("vpn/full.vpn"), Optional.of("existing")));
        assertEquals(Reason.NAME_CLASH, clash.reason());
        ProfileException name = assertThrows(ProfileException.class,
                () -> library.importFile(Fixtures.fixture("vpn/full.vpn"), Optional.of("../escape")));
        assertEquals(Reason.INVALID_NAME, name.reason());
        assertEquals(before, snapshot());
    }

    @Test
    void aFailedProfileWriteTakesItsSecretsBack() throws Exception {
        Files.createDirectories(home.resolve("profiles/full.json/blocker"));
        ProfileException e = assertThrows(ProfileException.class,
                () -> library.importFile(Fixtures.fixture("vpn/full.vpn"), Optional.empty()));
        assertEquals(Reason.WRITE_FAILED, e.reason());
        assertEquals(Map.of(), library.secretsOf("full"));
    }

    @Test
    void aFailedSecretWriteStoresNoProfile() throws Exception {
        SecretStore files = library.secrets();
        SecretStore failing = new SecretStore() {
            @Override
            public Optional<Secret> get(String profile, SecretKind kind) throws ProfileException {
                return files.get(profile, kind);
            }

            @Override
            public void put(String profile, SecretKind kind, Secret secret) throws ProfileException {
                if (kind == SecretKind.XAUTH_PASSWORD) {
                    throw ProfileException.of(Reason.SECRET_STORE_FAILED, "keyring locked");
                }
                files.put(profile, kind, secret);
            }

            @Override
            public void remove(String profile, SecretKind kind) throws ProfileException {
                files.remove(profile, kind);
            }

            @Override
            public String describe() {
                return "failing";
            }
        };
        ProfileLibrary lib = new ProfileLibrary(new ProfileStore(home.resolve("profiles")), failing);
        ProfileException e = assertThrows(ProfileException.class,
                () -> lib.importFile(Fixtures.fixture("pcf/hybrid.pcf"), Optional.empty()));
        assertEquals(Reason.SECRET_STORE_FAILED, e.reason());
        assertFalse(lib.profiles().exists("hybrid"));
        assertEquals(Map.of(), files.getAll("hybrid"));
    }

    @Test
    void staleSecretsOfAnOldProfileAreNotInherited() throws Exception {
        library.secrets().put("lf", SecretKind.XAUTH_PASSWORD, Secret.ofText("stale"));
        library.importFile(Fixtures.fixture("vpn/lf.vpn"), Optional.empty());
        assertEquals(Map.of(SecretKind.GROUP_PASSWORD, Secret.ofText("DacVpnTel2021")), library.secretsOf("lf"));
    }

    @Test
    void exportWritesTheGroupPasswordPrivately() throws Exception {
        library.importFile(Fixtures.fixture("vpn/full.vpn"), Optional.empty());
        Path out = home.resolve("out.vpn");
        library.exportVpn("full", out, LineEnding.CRLF);
        assertEquals("rw-------", mode(out));
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\nb:auth-mutual-psk:AP8BAg==\r\n"), text);
        ImportResult again = ProfileLibrary.read(out, Optional.of("full"));
        assertEquals(library.load("full"), again.profile());
        assertArrayEquals(new byte[] {0, (byte) 0xff, 1, 2}, again.secrets().get(SecretKind.GROUP_PASSWORD).bytes());
    }

    @Test
    void deleteRemovesProfileAndSecrets() throws Exception {
        library.importFile(Fixtures.fixture("pcf/hybrid.pcf"), Optional.empty());
        assertEquals(2, library.secretsOf("hybrid").size());
        library.delete("hybrid");
        assertFalse(library.profiles().exists("hybrid"));
        assertEquals(Map.of(), library.secretsOf("hybrid"));
        assertEquals(Reason.UNKNOWN_PROFILE, assertThrows(ProfileException.class, () -> library.delete("hybrid")).reason());
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(home)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.put(home.relativize(p).toString(), Files.readString(p, StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
