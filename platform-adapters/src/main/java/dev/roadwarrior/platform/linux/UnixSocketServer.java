package dev.roadwarrior.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import dev.roadwarrior.platform.jna.LibC;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A listening Unix-domain stream socket made with libc calls, so that each accepted connection
 * can tell who its peer is ({@link PeerCredentials}), which the JDK's channels do not offer in
 * full (no supplementary groups).
 *
 * <p>The socket file appears with its final mode and group, never more open: it is bound under a
 * temporary name beside {@code path}, given {@code mode} and {@code group}, then renamed over
 * {@code path} (which replaces a stale socket file left by a process that died). Whoever calls
 * {@link #listen} must make sure no live server owns {@code path}. {@link #close} removes the
 * socket file if it is still this server's.
 *
 * <p>Threading: one thread may block in {@link #accept} while another calls {@link #close}, which
 * wakes it (through an eventfd in the same {@code poll()}); it then throws
 * {@link ClosedChannelException}.
 */
public final class UnixSocketServer implements Closeable {

    /**
     * The longest socket path this server takes, in bytes: Linux accepts 107 ({@code sun_path}
     * holds 108 with the NUL), less one for the temporary name's suffix.
     */
    public static final int MAX_PATH_BYTES = 106;
    private static final String TEMPORARY_SUFFIX = "~";
    private static final int SOCKADDR_UN_SIZE = 110;
    private static final int BACKLOG = 16;

    private final Path path;
    private final Object fileKey;
    private final int fd;
    private final Wakeup wakeup;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();

    private UnixSocketServer(Path path, Object fileKey, int fd, Wakeup wakeup) {
        this.path = path;
        this.fileKey = fileKey;
        this.fd = fd;
        this.wakeup = wakeup;
    }

    /**
     * Binds and listens on {@code path}.
     *
     * @param mode the socket file's permissions (connecting needs write permission)
     * @param group the socket file's group; empty keeps the creator's
     * @throws IllegalArgumentException when the path is longer than {@link #MAX_PATH_BYTES}
     */
    public static UnixSocketServer listen(Path path, Set<PosixFilePermission> mode, Optional<GroupPrincipal> group)
            throws IOException {
        Path target = path.toAbsolutePath();
        Path temporary = target.resolveSibling(target.getFileName() + TEMPORARY_SUFFIX);
        Memory address = address(temporary, target);
        int fd;
        try {
            fd = LibC.INSTANCE.socket(LibC.AF_UNIX, LibC.SOCK_STREAM | LibC.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new PlatformException(Reason.CONTROL_SOCKET, e.getErrorCode(), "socket(AF_UNIX)");
        }
        try {
            Files.deleteIfExists(temporary);
            LibC.INSTANCE.bind(fd, address, (int) address.size());
            Files.setPosixFilePermissions(temporary, mode);
            if (group.isPresent()) {
                Files.setAttribute(temporary, "posix:group", group.get());
            }
            LibC.INSTANCE.listen(fd, BACKLOG);
            Wakeup wakeup = new Wakeup();
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new UnixSocketServer(target, Files.readAttributes(target,
                    BasicFileAttributes.class).fileKey(), fd, wakeup);
        } catch (LastErrorException e) {
            closeQuietly(fd);
            Files.deleteIfExists(temporary);
            throw new PlatformException(Reason.CONTROL_SOCKET, e.getErrorCode(), "cannot listen on " + target);
        } catch (IOException | RuntimeException e) {
            closeQuietly(fd);
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** The socket file. */
    public Path path() {
        return path;
    }

    /**
     * Blocks until a client connects.
     *
     * @throws ClosedChannelException when the server is (or gets) closed
     */
    public UnixSocketConnection accept() throws IOException {
        lifecycle.readLock().lock();
        try {
            synchronized (wakeup) {
                int client = wakeup.whenReadable(fd, closed, "accept",
                        () -> LibC.INSTANCE.accept4(fd, null, null, LibC.SOCK_CLOEXEC),
                        (call, errno) -> new PlatformException(Reason.CONTROL_SOCKET, errno, call + " on " + path));
                return new UnixSocketConnection(client);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Stops listening, wakes a blocked {@link #accept} and deletes the socket file unless another
     * server has replaced it meanwhile; idempotent. Accepted connections stay open.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        wakeup.signal();
        lifecycle.writeLock().lock();
        try {
            closeQuietly(fd);
            wakeup.close();
            if (fileKey.equals(Files.readAttributes(path, BasicFileAttributes.class).fileKey())) {
                Files.delete(path);
            }
        } catch (IOException e) {
            // already gone, or replaced and not ours to delete
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** A {@code struct sockaddr_un}: family, then the NUL-terminated path. */
    private static Memory address(Path path, Path shownPath) {
        byte[] bytes = path.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PATH_BYTES + TEMPORARY_SUFFIX.length()) {
            throw new IllegalArgumentException("socket path longer than " + MAX_PATH_BYTES + " bytes: " + shownPath);
        }
        Memory m = new Memory(SOCKADDR_UN_SIZE);
        m.clear();
        m.setShort(0, (short) LibC.AF_UNIX);
        m.write(2, bytes, 0, bytes.length);
        return m;
    }

    static void closeQuietly(int fd) {
        Wakeup.closeQuietly(fd);
    }
}
