package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.net.Ipv4Network;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

    @TempDir
    Path temp;

    private final Change tun = new Change.Tun("rw0");
    private final Change route = new Change.Route(Ipv4Network.parse("10.0.0.0/8"), Optional.empty(), "rw0");

    @Test
    void appendCreatesAPrivateDirectoryAndReadsBackInOrder() throws Exception {
        Journal journal = new Journal(temp.resolve("state/journal"));
        assertFalse(journal.exists());
        assertEquals(List.of(), journal.read());
        journal.append(tun);
        journal.append(route);
        assertEquals(List.of(tun, route), journal.read());
        assertEquals("tun rw0\nroute 10.0.0.0/8 dev rw0\n", Files.readString(journal.file()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.resolve("state"))));
    }

    @Test
    void rewriteReplacesAndAnEmptyListDeletes() throws Exception {
        Journal journal = new Journal(temp.resolve("journal"));
        journal.append(tun);
        journal.append(route);
        journal.rewrite(List.of(tun));
        assertEquals(List.of(tun), journal.read());
        assertFalse(Files.exists(temp.resolve("journal.tmp")));
        journal.rewrite(List.of());
        assertFalse(journal.exists());
        journal.rewrite(List.of()); // nothing to delete
    }

    @Test
    void aLineCutShortByACrashIsSkipped() throws Exception {
        Journal journal = new Journal(temp.resolve("journal"));
        journal.append(tun);
        Files.writeString(journal.file(), "route 10.0.0.0/8 de", StandardOpenOption.APPEND);
        assertEquals(List.of(tun), journal.read());
        assertTrue(journal.exists());
    }
}
