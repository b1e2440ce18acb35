package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control socket against the JDK's own Unix-domain client. Needs no privileges. */
class UnixSocketServerTest {

    @TempDir
    Path temp;

    @Test
    void theSocketFileHasItsModeAndThePeerIsThisProcess() throws Exception {
        Path path = temp.resolve("s.sock");
        GroupPrincipal group = Files.readAttributes(temp, PosixFileAttributes.class).group();
        try (UnixSocketServer server = UnixSocketServer.listen(path, PosixFilePermissions.fromString("rw-rw----"),
                Optional.of(group));
                SocketChannel client = connect(path);
                UnixSocketConnection connection = server.accept()) {
            assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
            assertEquals(group, Files.readAttributes(path, PosixFileAttributes.class).group());
            assertFalse(Files.exists(temp.resolve("s.sock~")), "the temporary name is gone");
            PeerCredentials peer = connection.peer();
            assertEquals(ProcessHandle.current().pid(), peer.pid());
            assertEquals(self("Uid"), List.of(peer.uid()));
            assertEquals(self("Gid"), List.of(peer.gid()));
            assertEquals(self("Groups"), peer.groups());
        }
        assertFalse(Files.exists(path), "close removes the socket file");
    }

    @Test
    void bytesTravelBothWaysAndTheEndOfStreamIsSeen() throws Exception {
        Path path = temp.resolve("s.sock");
        try (UnixSocketServer server = UnixSocketServer.listen(path, PosixFilePermissions.fromString("rw-------"),
                Optional.empty())) {
            SocketChannel client = connect(path);
            UnixSocketConnection connection = server.accept();
            byte[] big = new byte[200_000]; // more than the socket buffer and the native buffer
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) i;
            }
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    connection.outputStream().write(big);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            ByteBuffer received = ByteBuffer.allocate(big.length);
            while (received.hasRemaining()) {
                client.read(received);
            }
            writer.get(10, TimeUnit.SECONDS);
            assertArrayEquals(big, received.array());

            client.write(ByteBuffer.wrap("hello\n".getBytes(StandardCharsets.UTF_8)));
            client.close();
            assertArrayEquals("hello\n".getBytes(StandardCharsets.UTF_8), connection.inputStream().readAllBytes());
            assertThrows(IOException.class, () -> connection.write(new byte[1], 0, 1), "the peer is gone");
            connection.close();
        }
    }

    @Test
    void closeWakesABlockedAcceptAndABlockedRead() throws Exception {
        Path path = temp.resolve("s.sock");
        UnixSocketServer server = UnixSocketServer.listen(path, PosixFilePermissions.fromString("rw-------"),
                Optional.empty());
        try (SocketChannel client = connect(path)) {
            UnixSocketConnection connection = server.accept();
            CompletableFuture<Integer> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return connection.read(new byte[10], 0, 10);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            CompletableFuture<Throwable> acceptor = CompletableFuture.supplyAsync(() -> {
                try {
                    server.accept();
                    return null;
                } catch (IOException e) {
                    return e;
                }
            });
            Thread.sleep(200);
            assertFalse(reader.isDone() || acceptor.isDone(), "both block");
            connection.close();
            server.close();
            assertEquals(-1, reader.get(5, TimeUnit.SECONDS));
            assertTrue(acceptor.get(5, TimeUnit.SECONDS) instanceof ClosedChannelException);
        }
    }

    @Test
    void aStaleSocketFileIsReplaced() throws Exception {
        Path path = temp.resolve("s.sock");
        UnixSocketServer first = UnixSocketServer.listen(path, PosixFilePermissions.fromString("rw-------"),
                Optional.empty());
        try (UnixSocketServer second = UnixSocketServer.listen(path, PosixFilePermissions.fromString("rw-------"),
                Optional.empty())) {
            first.close(); // must not delete the file that now belongs to the second server
            assertTrue(Files.exists(path));
            try (SocketChannel client = connect(path); UnixSocketConnection c = second.accept()) {
                assertEquals(ProcessHandle.current().pid(), c.peer().pid());
            }
        }
    }

    @Test
    void tooLongAPathIsRefused() {
        Path path = temp.resolve("x".repeat(UnixSocketServer.MAX_PATH_BYTES));
        assertThrows(IllegalArgumentException.class,
                () -> UnixSocketServer.listen(path, PosixFilePermissions.fromString("rw-------"), Optional.empty()));
    }

    @Test
    void membershipCountsRootTheEffectiveGroupAndSupplementaryGroups() {
        assertTrue(new PeerCredentials(1, 0, 0, List.of()).isRootOrInGroup(990));
        assertTrue(new PeerCredentials(1, 1000, 990, List.of()).isRootOrInGroup(990));
        assertTrue(new PeerCredentials(1, 1000, 1000, List.of(27, 990)).isRootOrInGroup(990));
        assertFalse(new PeerCredentials(1, 1000, 1000, List.of(27, 100)).isRootOrInGroup(990));
    }

    private static SocketChannel connect(Path path) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(path));
        return channel;
    }

    /** The effective id (Uid, Gid: the second field) or the list (Groups) from /proc/self/status. */
    private static List<Integer> self(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                String[] words = line.substring(field.length() + 1).trim().split("\\s+");
                List<Integer> ids = new ArrayList<>();
                if (field.equals("Groups")) {
                    for (String w : words) {
                        if (!w.isEmpty()) {
                            ids.add(Integer.parseInt(w));
                        }
                    }
                } else {
                    ids.add(Integer.parseInt(words[1]));
                }
                return ids;
            }
        }
        throw new IllegalStateException(field + " missing in /proc/self/status");
    }
}
