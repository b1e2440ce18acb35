package dev.roadwarrior.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import dev.roadwarrior.platform.jna.LibC;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets {@code close()} on one thread end another thread's blocking wait on a descriptor: the
 * waiter polls its descriptor together with this eventfd, and {@link #signal()} makes the eventfd
 * readable. It also holds the one retry loop of the platform's descriptor calls: a call on a
 * non-blocking descriptor is tried again after EAGAIN and EINTR ({@link #whenReadable}), a
 * blocking call after EINTR ({@link #restarting}).
 *
 * <p>Threading: one waiter at a time (callers serialise {@link #awaitReadable}); {@link #signal()}
 * from any thread; {@link #close()} once no waiter is left.
 */
final class Wakeup implements AutoCloseable {

    private final int eventFd;
    private final Memory pollFds = new Memory(16);

    Wakeup() throws LastErrorException {
        this.eventFd = LibC.INSTANCE.eventfd(0, LibC.EFD_NONBLOCK | LibC.EFD_CLOEXEC);
    }

    /**
     * Blocks until {@code fd} is readable or {@link #signal()} was called.
     *
     * @return false when signalled; true otherwise (also after an interrupted poll: the caller's
     *     non-blocking read then finds nothing and waits again)
     * @throws LastErrorException when poll fails
     */
    boolean awaitReadable(int fd) throws LastErrorException {
        pollFds.setInt(0, fd);
        pollFds.setShort(4, LibC.POLLIN);
        pollFds.setShort(6, (short) 0);
        pollFds.setInt(8, eventFd);
        pollFds.setShort(12, LibC.POLLIN);
        pollFds.setShort(14, (short) 0);
        try {
            LibC.INSTANCE.poll(pollFds, new NativeLong(2), -1);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != LibC.EINTR) {
                throw e;
            }
        }
        return pollFds.getShort(14) == 0;
    }

    /**
     * Waits until {@code fd} is readable, then runs {@code call}; waits and runs it again while it
     * fails with EAGAIN (nothing to take after all) or EINTR.
     *
     * @param name the call's name for {@code failure} (poll failures are named {@code "poll"})
     * @param closed checked before each wait
     * @return what the call returned
     * @throws ClosedChannelException when {@code closed} is set or {@link #signal()} was called
     * @throws IOException what {@code failure} makes of any other error of poll or of the call
     */
    <T> T whenReadable(int fd, AtomicBoolean closed, String name, Call<T> call, Failure failure)
            throws IOException {
        while (true) {
            boolean ready;
            try {
                ready = !closed.get() && awaitReadable(fd);
            } catch (LastErrorException e) {
                throw failure.of("poll", e.getErrorCode());
            }
            if (!ready) {
                throw new ClosedChannelException();
            }
            try {
                return call.run();
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EAGAIN && e.getErrorCode() != LibC.EINTR) {
                    throw failure.of(name, e.getErrorCode());
                }
            }
        }
    }

    /** Runs a blocking call, again while a signal interrupts it (EINTR); other errors are thrown. */
    static <T> T restarting(Call<T> call) throws LastErrorException {
        while (true) {
            try {
                return call.run();
            } catch (LastErrorException e) {
                if (e.getErrorCode() != LibC.EINTR) {
                    throw e;
                }
            }
        }
    }

    /** A system call through JNA: its result, or its errno as a {@link LastErrorException}. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws LastErrorException;
    }

    /** What a caller makes of a failed system call. */
    @FunctionalInterface
    interface Failure {
        IOException of(String call, int errno);
    }

    /** Wakes the waiter, now or at its next wait. */
    void signal() {
        try (Memory one = new Memory(8)) {
            one.setLong(0, 1);
            LibC.INSTANCE.write(eventFd, one, new NativeLong(8));
        } catch (LastErrorException e) {
            // a single write cannot overflow the counter
        }
    }

    @Override
    public void close() {
        closeQuietly(eventFd);
    }

    /** Closes a descriptor, ignoring errors (Linux releases it even when close reports one). */
    static void closeQuietly(int fd) {
        if (fd >= 0) {
            try {
                LibC.INSTANCE.close(fd);
            } catch (LastErrorException e) {
                // released anyway
            }
        }
    }
}
