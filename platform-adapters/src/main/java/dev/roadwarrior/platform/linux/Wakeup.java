package dev.roadwarrior.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import dev.roadwarrior.platform.jna.LibC;

/**
 * Lets {@code close()} on one thread end another thread's blocking wait on a descriptor: the
 * waiter polls its descriptor together with this eventfd, and {@link #signal()} makes the eventfd
 * readable.
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
