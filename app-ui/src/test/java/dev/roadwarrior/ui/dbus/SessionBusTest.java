package dev.roadwarrior.ui.dbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which session bus addresses dbus-java's native transport can use, decided without waiting. */
class SessionBusTest {

    @TempDir
    Path dir;

    @Test
    void picksTheFirstSocketFileThatExists() throws Exception {
        Path socket = Files.createFile(dir.resolve("bus-1"));
        String path = "unix:path=" + socket + ",guid=0123";
        assertEquals(Optional.of(path), SessionBus.usableAddress("unix:abstract=/tmp/dbus-x;" + path));
        assertEquals(Optional.of(path), SessionBus.usableAddress("unix:path=" + dir.resolve("gone") + ";" + path));
    }

    @Test
    void escapedPathsAreUnderstood() throws Exception {
        Files.createFile(dir.resolve("a-b"));
        String escaped = "unix:path=" + dir + "/a%2db";
        assertEquals(Optional.of(escaped), SessionBus.usableAddress(escaped));
    }

    @Test
    void abstractMissingOrEmptyAddressesFailAtOnce() {
        assertEquals(Optional.empty(), SessionBus.usableAddress("unix:abstract=/tmp/dbus-x,guid=1"));
        assertEquals(Optional.empty(), SessionBus.usableAddress(""));
        long start = System.nanoTime();
        assertTrue(SessionBus.connect(Optional.of("unix:path=" + dir.resolve("gone"))).isEmpty());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "no waiting for a socket that is gone");
    }
}
