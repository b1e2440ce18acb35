package dev.roadwarrior.profiles.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSecretStoreTest {

    @TempDir
    Path dir;

    @Test
    void storesReadsAndRemovesPrivately() throws Exception {
        FileSecretStore s = new FileSecretStore(dir.resolve("data/secrets.json"));
        assertEquals(Optional.empty(), s.get("a", SecretKind.GROUP_PASSWORD));
        Secret binary = Secret.of(new byte[] {0, (byte) 0xff, 10});
        s.put("a", SecretKind.GROUP_PASSWORD, binary);
        s.put("a", SecretKind.XAUTH_PASSWORD, Secret.ofText("pässword"));
        s.put("b", SecretKind.GROUP_PASSWORD, Secret.ofText("other"));
        assertEquals(Optional.of(binary), s.get("a", SecretKind.GROUP_PASSWORD));
        assertEquals(Map.of(SecretKind.GROUP_PASSWORD, binary, SecretKind.XAUTH_PASSWORD, Secret.ofText("pässword")),
                s.getAll("a"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s.file().getParent())));
        assertFalse(Files.readString(s.file()).contains("other"), "values are not written as plain text");
        s.removeAll("a");
        assertEquals(Map.of(), s.getAll("a"));
        assertEquals(Optional.of(Secret.ofText("other")), new FileSecretStore(s.file()).get("b", SecretKind.GROUP_PASSWORD));
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        Path file = dir.resolve("secrets.json");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "p" + i;
            FileSecretStore own = new FileSecretStore(file); // as if each were its own process
            threads.add(new Thread(() -> {
                try {
                    own.put(name, SecretKind.GROUP_PASSWORD, Secret.ofText(name));
                } catch (ProfileException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        FileSecretStore s = new FileSecretStore(file);
        for (int i = 0; i < 8; i++) {
            assertEquals(Optional.of(Secret.ofText("p" + i)), s.get("p" + i, SecretKind.GROUP_PASSWORD));
        }
    }

    @Test
    void aDamagedFileIsReportedWithoutItsContent() throws Exception {
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, "{\"schemaVersion\":1,\"profiles\":{\"a\":{\"group-password\": hunter2}}}");
        ProfileException e = assertThrows(ProfileException.class,
                () -> new FileSecretStore(file).get("a", SecretKind.GROUP_PASSWORD));
        assertEquals(Reason.SECRET_STORE_FAILED, e.reason());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        Files.writeString(file, "{\"schemaVersion\":9}");
        assertEquals(Reason.SECRET_STORE_FAILED, assertThrows(ProfileException.class,
                () -> new FileSecretStore(file).put("a", SecretKind.GROUP_PASSWORD, Secret.ofText("x"))).reason());
        assertTrue(Files.readString(file).contains("9"), "a file of another version is left alone");
    }
}
