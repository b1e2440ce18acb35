package dev.roadwarrior.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class SharedFolderTest {

    @TempDir
    Path tmp;

    @Test
    void findsTheSiblingOfTheDirectoryHoldingMvnw() throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("checkout/module/src"));
        Files.createFile(tmp.resolve("checkout/mvnw"));
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        assertEquals(Optional.of(shared), SharedFolder.find(checkout));
    }

    @Test
    void findsNothingWithoutTheSibling() throws IOException {
        Path checkout = Files.createDirectories(tmp.resolve("checkout/module"));
        Files.createFile(tmp.resolve("checkout/mvnw"));
        assertEquals(Optional.empty(), SharedFolder.find(checkout));
    }

    @Test
    void findsNothingOutsideACheckout() throws IOException {
        Files.createDirectory(tmp.resolve("shared"));
        assertTrue(SharedFolder.find(Files.createDirectory(tmp.resolve("elsewhere"))).isEmpty());
    }

    @Test
    void skipsTheTestWhenTheFileIsAbsent() {
        assertThrows(TestAbortedException.class, () -> SharedFolder.require("no/such/file-" + System.nanoTime()));
    }
}
