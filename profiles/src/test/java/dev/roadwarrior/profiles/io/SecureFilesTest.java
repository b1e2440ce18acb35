package dev.roadwarrior.profiles.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureFilesTest {

    @TempDir
    Path dir;

    @Test
    void createsPrivateDirectoriesAndTightensAnExistingOne() throws IOException {
        Path nested = dir.resolve("a/b");
        SecureFiles.createPrivateDirectories(nested);
        assertEquals("rwx------", mode(dir.resolve("a")));
        assertEquals("rwx------", mode(nested));
        Files.setPosixFilePermissions(nested, PosixFilePermissions.fromString("rwxr-xr-x"));
        SecureFiles.createPrivateDirectories(nested);
        assertEquals("rwx------", mode(nested));
    }

    @Test
    void writesPrivateFileAndReplacesWholly() throws IOException {
        Path f = dir.resolve("p.json");
        SecureFiles.writeAtomically(f, out -> out.write("one".getBytes()));
        assertEquals("rw-------", mode(f));
        SecureFiles.writeAtomically(f, out -> out.write("two".getBytes()));
        assertEquals("two", Files.readString(f));
        assertEquals(List.of(f), list());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("p.json");
        SecureFiles.writeAtomically(f, out -> out.write("old".getBytes()));
        IOException e = assertThrows(IOException.class, () -> SecureFiles.writeAtomically(f, out -> {
            out.write("half a new fi".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertArrayEquals("old".getBytes(), Files.readAllBytes(f));
        assertEquals(List.of(f), list());
    }

    @Test
    void aDirectoryInTheWayFailsAndCleansUp() throws IOException {
        Path f = dir.resolve("p.json");
        Files.createDirectories(f.resolve("inside"));
        IOException e = assertThrows(IOException.class, () -> SecureFiles.writeAtomically(f, out -> out.write(1)));
        assertEquals("Is a directory: " + f, SecureFiles.describe(e));
        assertEquals(List.of(f), list());
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
