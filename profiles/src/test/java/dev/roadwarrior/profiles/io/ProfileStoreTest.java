package dev.roadwarrior.profiles.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.profiles.Fixtures;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path home;

    private ProfileStore store() {
        return new ProfileStore(home.resolve("config/profiles"));
    }

    private static Profile full() throws ProfileException {
        return ProfileLibrary.read(Fixtures.fixture("vpn/full.vpn"), Optional.of("full")).profile();
    }

    @Test
    void savesPrivatelyAndLoadsEqual() throws Exception {
        ProfileStore s = store();
        Profile p = full();
        s.create(p);
        Path file = home.resolve("config/profiles/full.json");
        assertEquals("rw-------", mode(file));
        assertEquals("rwx------", mode(file.getParent()));
        assertEquals("rwx------", mode(home.resolve("config")));
        assertEquals(p, s.load("full"));
        String json = Files.readString(file);
        assertTrue(json.startsWith("{\n  \"schemaVersion\" : 1,\n  \"name\" : \"full\","), json);
        assertTrue(json.contains("\"10.1.0.0/16\""), json);
        assertTrue(json.contains("\"MUTUAL_RSA_XAUTH\""), json);
    }

    @Test
    void listsSortedAndIgnoresOtherFiles() throws Exception {
        ProfileStore s = store();
        assertEquals(List.of(), s.names()); // no directory yet
        s.create(full().withName("b"));
        s.create(full().withName("A site"));
        Files.writeString(s.directory().resolve("notes.txt"), "x");
        Files.writeString(s.directory().resolve(".b.json.123.tmp"), "x");
        assertEquals(List.of("A site", "b"), s.names());
    }

    @Test
    void nameRules() throws Exception {
        ProfileStore s = store();
        s.create(full().withName("x"));
        assertEquals(Reason.NAME_CLASH, assertThrows(ProfileException.class, () -> s.create(full().withName("x"))).reason());
        for (String bad : List.of("../x", "a/b", ".hidden", "-flag", "", "trailing ", "a:b", "a\nb")) {
            ProfileException e = assertThrows(ProfileException.class, () -> s.create(full().withName(bad)), bad);
            assertEquals(Reason.INVALID_NAME, e.reason(), bad);
        }
        assertEquals(Reason.UNKNOWN_PROFILE, assertThrows(ProfileException.class, () -> s.load("../x")).reason());
        assertEquals(Reason.UNKNOWN_PROFILE, assertThrows(ProfileException.class, () -> s.load("nope")).reason());
        assertEquals(Reason.UNKNOWN_PROFILE, assertThrows(ProfileException.class, () -> s.delete("nope")).reason());
        s.delete("x");
        assertFalse(s.exists("x"));
    }

    @Test
    void damagedFilesAreReported() throws Exception {
        ProfileStore s = store();
        Profile p = full();
        s.create(p);
        Path file = s.directory().resolve("full.json");
        String good = Files.readString(file);

        Files.writeString(file, "{ not json");
        assertEquals(Reason.STORE_CORRUPT, loadFails(s));
        Files.writeString(file, good.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));
        assertEquals(Reason.UNSUPPORTED_SCHEMA, loadFails(s));
        Files.writeString(file, good.replace("\"schemaVersion\" : 1,", ""));
        assertEquals(Reason.STORE_CORRUPT, loadFails(s));
        Files.writeString(file, good.replace("\"host\" : \"192.0.2.10\",", ""));
        assertEquals(Reason.STORE_CORRUPT, loadFails(s));
        Files.writeString(file, good.replace("\"ikePort\" : 4501", "\"ikePort\" : 0"));
        assertEquals(Reason.STORE_CORRUPT, loadFails(s));
        Files.writeString(file, good.replace("\"MUTUAL_RSA_XAUTH\"", "\"FOO\""));
        assertEquals(Reason.STORE_CORRUPT, loadFails(s));
        Files.writeString(file, good.replace("\"10.1.0.0/16\"", "\"intranet\""));
        assertEquals(Reason.STORE_CORRUPT, loadFails(s));
        Files.writeString(file, good.replace("\"name\" : \"full\"", "\"name\" : \"other\""));
        assertEquals(Reason.STORE_CORRUPT, loadFails(s));
        Files.writeString(file, good.replace("\"name\" : \"full\",", "\"name\" : \"full\", \"extra\" : 1,"));
        assertEquals(Reason.STORE_CORRUPT, loadFails(s));
        Files.writeString(file, good);
        assertEquals(p, s.load("full"));
    }

    /** {@code killSwitch} came to schema 1 later: a file written before it loads with the switch off. */
    @Test
    void theKillSwitchIsSavedAndOffWhenAnOlderFileLacksIt() throws Exception {
        ProfileStore s = store();
        Profile on = full().toBuilder().killSwitch(true).build();
        s.create(on);
        Path file = s.directory().resolve("full.json");
        String json = Files.readString(file);
        assertTrue(json.contains("\"killSwitch\" : true,"), json);
        assertEquals(on, s.load("full"));
        Files.writeString(file, json.replace("\"killSwitch\" : true,", ""));
        assertFalse(s.load("full").killSwitch());
    }

    private static Reason loadFails(ProfileStore s) {
        return assertThrows(ProfileException.class, () -> s.load("full")).reason();
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
