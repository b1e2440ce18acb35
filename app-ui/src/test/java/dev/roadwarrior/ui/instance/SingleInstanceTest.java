package dev.roadwarrior.ui.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first start claims the socket; a second start hands its file over and is not claimed. */
class SingleInstanceTest {

    @TempDir
    Path dir;

    @Test
    void secondLaunchHandsTheFileToTheFirst() throws Exception {
        Path socket = dir.resolve("run/app.sock");
        LinkedBlockingQueue<SingleInstance.Request> received = new LinkedBlockingQueue<>();
        Optional<SingleInstance> first = SingleInstance.claim(socket,
                new SingleInstance.Request(Optional.empty()), received::add);
        assertTrue(first.isPresent());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
        try (SingleInstance running = first.get()) {
            Path file = dir.resolve("office.vpn");
            Optional<SingleInstance> second = SingleInstance.claim(socket,
                    new SingleInstance.Request(Optional.of(file)), r -> { });
            assertFalse(second.isPresent());
            assertEquals(Optional.of(file), received.poll(10, TimeUnit.SECONDS).file());
            assertTrue(SingleInstance.claim(socket, new SingleInstance.Request(Optional.empty()), r -> { }).isEmpty());
            assertEquals(Optional.empty(), received.poll(10, TimeUnit.SECONDS).file());
        }
        assertFalse(Files.exists(socket));
    }

    @Test
    void aStaleSocketIsReplaced() throws Exception {
        Path socket = dir.resolve("app.sock");
        Files.createFile(socket);
        Optional<SingleInstance> claim = SingleInstance.claim(socket, new SingleInstance.Request(Optional.empty()), r -> { });
        assertTrue(claim.isPresent());
        claim.get().close();
    }
}
