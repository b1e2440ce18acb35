package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.platform.PlatformException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolvConfFileTest {

    /** Odd bytes on purpose: no final newline, a tab, a comment, non-ASCII. */
    private static final byte[] ORIGINAL = "# m\u00e9tadonn\u00e9es\nnameserver 192.0.2.53\ndomain home.example\n\toptions ndots:2\nnameserver 192.0.2.54"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;
    private Path target;
    private ResolvConfFile change;

    @BeforeEach
    void setUp() throws Exception {
        target = temp.resolve("resolv.conf");
        Files.write(target, ORIGINAL);
        change = new ResolvConfFile(target, temp.resolve("state/resolv.conf.orig"));
    }

    private static TunnelConfig config(List<String> search) {
        return new TunnelConfig(Ipv4Network.parseAddress("10.1.2.3"), 24, 1400, Ipv4Network.parseAddress("198.51.100.7"),
                List.of(), List.of(), List.of(Ipv4Network.parseAddress("10.0.0.53"), Ipv4Network.parseAddress("10.0.0.54")),
                search, List.of());
    }

    @Test
    void editsInPlaceAndRestoresTheExactBytesAndInode() throws Exception {
        Object inode = Files.getAttribute(target, "unix:ino");
        change.apply(config(List.of("corp.example", "eng.corp.example")), null);
        assertEquals(inode, Files.getAttribute(target, "unix:ino"));
        assertEquals(ResolvConfFile.HEADER + "nameserver 10.0.0.53\nnameserver 10.0.0.54\nsearch corp.example eng.corp.example\n"
                + "options ndots:2\n", Files.readString(target));
        assertArrayEquals(ORIGINAL, Files.readAllBytes(change.backup()));

        change.undo(null);
        assertArrayEquals(ORIGINAL, Files.readAllBytes(target));
        assertEquals(inode, Files.getAttribute(target, "unix:ino"));
        assertFalse(Files.exists(change.backup()));
        change.undo(null); // nothing to restore any more
        assertArrayEquals(ORIGINAL, Files.readAllBytes(target));
    }

    @Test
    void keepsTheOriginalSearchLineWhenTheTunnelHasNone() throws Exception {
        change.apply(config(List.of()), null);
        assertEquals(ResolvConfFile.HEADER + "nameserver 10.0.0.53\nnameserver 10.0.0.54\ndomain home.example\noptions ndots:2\n",
                Files.readString(target));
    }

    @Test
    void anExistingBackupIsTheOriginalAndIsNeverOverwritten() throws Exception {
        change.apply(config(List.of()), null);
        change.apply(config(List.of("second.example")), null); // e.g. a run whose restore failed
        assertArrayEquals(ORIGINAL, Files.readAllBytes(change.backup()));
        change.undo(null);
        assertArrayEquals(ORIGINAL, Files.readAllBytes(target));
    }

    @Test
    void aHalfWrittenBackupFromACrashIsIgnored() throws Exception {
        Files.createDirectories(change.backup().getParent());
        Files.writeString(change.backup().resolveSibling("resolv.conf.orig.tmp"), "# half");
        change.undo(null); // recovery after a crash inside apply, before resolv.conf changed
        assertArrayEquals(ORIGINAL, Files.readAllBytes(target));
        change.apply(config(List.of()), null);
        assertArrayEquals(ORIGINAL, Files.readAllBytes(change.backup()));
        assertFalse(Files.exists(change.backup().resolveSibling("resolv.conf.orig.tmp")));
    }

    @Test
    void aMissingTargetIsATypedError() throws Exception {
        Files.delete(target);
        PlatformException e = assertThrows(PlatformException.class, () -> change.apply(config(List.of()), null));
        assertEquals(PlatformException.Reason.DNS, e.reason());
        assertFalse(Files.exists(target));
        assertTrue(Files.notExists(change.backup()));
    }
}
