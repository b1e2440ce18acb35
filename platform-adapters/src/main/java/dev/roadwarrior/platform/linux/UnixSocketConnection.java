package dev.roadwarrior.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import dev.roadwarrior.platform.jna.LibC;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One accepted connection of a {@link UnixSocketServer}: a blocking stream socket with the
 * credentials its peer had when it connected.
 *
 * <p>Threading: one thread may read while another writes; {@link #close} from any thread shuts
 * the socket down first, which wakes a blocked reader (it sees the end of the stream) and a
 * blocked writer (it gets an {@link IOException}), then waits until they have left before it
 * releases the descriptor, so a descriptor number is never reused under a running call. Writes
 * to a peer that has gone fail with an {@link IOException}, never with SIGPIPE.
 */
public final class UnixSocketConnection implements Closeable {

    private static final int BUFFER = 65536;

    private final int fd;
    private final PeerCredentials peer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Memory readBuffer = new Memory(BUFFER);
    private final Memory writeBuffer = new Memory(BUFFER);

    UnixSocketConnection(int fd) throws PlatformException {
        this.fd = fd;
        try {
            this.peer = PeerCredentials.of(fd);
        } catch (PlatformException e) {
            UnixSocketServer.closeQuietly(fd);
            throw e;
        }
    }

    /** Who connected. */
    public PeerCredentials peer() {
        return peer;
    }

    /**
     * Blocks until bytes arrive and copies up to {@code length} of them into {@code b}.
     *
     * @return the number of bytes read, or -1 at the end of the stream (the peer closed, or this
     *     connection was closed)
     */
    public int read(byte[] b, int offset, int length) throws IOException {
        lifecycle.readLock().lock();
        try {
            synchronized (readBuffer) {
                if (closed.get()) {
                    return -1;
                }
                int n;
                try {
                    n = Wakeup.restarting(
                            () -> LibC.INSTANCE.read(fd, readBuffer, new NativeLong(Math.min(length, BUFFER))).intValue());
                } catch (LastErrorException e) {
                    if (e.getErrorCode() == LibC.ECONNRESET) {
                        return -1;
                    }
                    throw new PlatformException(Reason.CONTROL_SOCKET, e.getErrorCode(), "read");
                }
                if (n == 0) {
                    return -1;
                }
                readBuffer.read(0, b, offset, n);
                return n;
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Writes all of {@code b[offset .. offset+length)}, blocking while the peer does not read. */
    public void write(byte[] b, int offset, int length) throws IOException {
        lifecycle.readLock().lock();
        try {
            synchronized (writeBuffer) {
                int done = 0;
                while (done < length) {
                    if (closed.get()) {
                        throw new ClosedChannelException();
                    }
                    int chunk = Math.min(length - done, BUFFER);
                    writeBuffer.write(0, b, offset + done, chunk);
                    int sent = 0;
                    while (sent < chunk) {
                        long from = sent;
                        long left = chunk - sent;
                        try {
                            sent += Wakeup.restarting(() -> LibC.INSTANCE.send(fd, writeBuffer.share(from),
                                    new NativeLong(left), LibC.MSG_NOSIGNAL).intValue());
                        } catch (LastErrorException e) {
                            throw new PlatformException(Reason.CONTROL_SOCKET, e.getErrorCode(), "send");
                        }
                    }
                    done += chunk;
                }
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** This connection as a stream; {@code close()} on it closes the connection. */
    public InputStream inputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return UnixSocketConnection.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int offset, int length) throws IOException {
                return length == 0 ? 0 : UnixSocketConnection.this.read(b, offset, length);
            }

            @Override
            public void close() {
                UnixSocketConnection.this.close();
            }
        };
    }

    /** This connection as a stream; {@code close()} on it closes the connection. */
    public OutputStream outputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                UnixSocketConnection.this.write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int offset, int length) throws IOException {
                UnixSocketConnection.this.write(b, offset, length);
            }

            @Override
            public void close() {
                UnixSocketConnection.this.close();
            }
        };
    }

    /** Shuts the socket down, waking blocked calls, then releases it; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            LibC.INSTANCE.shutdown(fd, LibC.SHUT_RDWR);
        } catch (LastErrorException e) {
            // ENOTCONN: the peer is gone already; nothing to wake
        }
        lifecycle.writeLock().lock();
        try {
            UnixSocketServer.closeQuietly(fd);
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
