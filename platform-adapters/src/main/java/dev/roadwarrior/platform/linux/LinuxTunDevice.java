package dev.roadwarrior.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import dev.roadwarrior.engine.spi.TunDevice;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import dev.roadwarrior.platform.jna.IfReq;
import dev.roadwarrior.platform.jna.LibC;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;

/**
 * A non-persistent Linux TUN device ({@code IFF_TUN | IFF_NO_PI}) on a non-blocking descriptor
 * of {@code /dev/net/tun}. The device lives as long as the descriptor: {@link #close} (or the
 * death of the process) destroys it, and the kernel drops its addresses and routes with it.
 *
 * <p>Wake-up on close: {@link #read} waits in {@code poll()} on the TUN descriptor and on an
 * eventfd. {@link #close} marks the device closed and signals the eventfd, so a blocked reader
 * returns at once and throws {@link ClosedChannelException}; close then waits until readers and
 * writers have left before it releases the descriptors, so a descriptor number is never reused
 * under a running call.
 *
 * <p>The device is created in the network namespace of the thread that calls {@link #open};
 * read and write work from any thread. One reader and one writer may run at the same time.
 */
public final class LinuxTunDevice implements TunDevice {

    static final int TUNSETIFF = 0x400454ca;
    static final short IFF_TUN = 0x0001;
    static final short IFF_NO_PI = 0x1000;
    /** The largest packet a TUN device hands out. */
    static final int MAX_PACKET = 65535;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,10}");

    private final String name;
    private final int tunFd;
    private final Wakeup wakeup;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final Memory readBuffer = new Memory(MAX_PACKET);
    private final Memory writeBuffer = new Memory(MAX_PACKET);

    private LinuxTunDevice(String name, int tunFd, Wakeup wakeup) {
        this.name = name;
        this.tunFd = tunFd;
        this.wakeup = wakeup;
    }

    /**
     * Creates a TUN device named {@code namePrefix} plus the number the kernel picks (rw gives
     * rw0, rw1, ...), sets its MTU and brings it up.
     *
     * @param namePrefix a letter, then up to 10 letters, digits, '_' or '-'
     */
    public static LinuxTunDevice open(String namePrefix, int mtu) throws PlatformException {
        if (!PREFIX.matcher(namePrefix).matches()) {
            throw new IllegalArgumentException("bad interface name prefix: " + namePrefix);
        }
        int tunFd;
        try {
            tunFd = LibC.INSTANCE.open("/dev/net/tun", LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new PlatformException(Reason.TUN_OPEN, e.getErrorCode(), "cannot open /dev/net/tun");
        }
        Wakeup wakeup = null;
        try {
            IfReq req = new IfReq(namePrefix + "%d").flags((short) (IFF_TUN | IFF_NO_PI));
            LibC.INSTANCE.ioctl(tunFd, new NativeLong(TUNSETIFF), req.pointer());
            wakeup = new Wakeup();
            LinuxTunDevice tun = new LinuxTunDevice(req.name(), tunFd, wakeup);
            try {
                InterfaceControl.setMtu(tun.name, mtu);
                InterfaceControl.up(tun.name);
            } catch (PlatformException e) {
                tun.close();
                throw e;
            }
            return tun;
        } catch (LastErrorException e) {
            Wakeup.closeQuietly(tunFd);
            if (wakeup != null) {
                wakeup.close();
            }
            throw new PlatformException(Reason.TUN_OPEN, e.getErrorCode(), "TUNSETIFF " + namePrefix + "%d");
        }
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Blocks until a packet arrives; the packet must fit in {@code dst} (room for the MTU is
     * enough), else {@link java.nio.BufferOverflowException} is thrown and the packet is lost.
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        lifecycle.readLock().lock();
        try {
            synchronized (readBuffer) {
                while (true) {
                    if (closed.get() || !awaitReadable()) {
                        throw new ClosedChannelException();
                    }
                    try {
                        int n = LibC.INSTANCE.read(tunFd, readBuffer, new NativeLong(MAX_PACKET)).intValue();
                        dst.put(readBuffer.getByteBuffer(0, n));
                        return n;
                    } catch (LastErrorException e) {
                        if (e.getErrorCode() != LibC.EAGAIN && e.getErrorCode() != LibC.EINTR) {
                            throw new PlatformException(Reason.TUN_IO, e.getErrorCode(), "read from " + name);
                        }
                    }
                }
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Waits in poll(); false when woken by {@link #close}. */
    private boolean awaitReadable() throws PlatformException {
        try {
            return wakeup.awaitReadable(tunFd);
        } catch (LastErrorException e) {
            throw new PlatformException(Reason.TUN_IO, e.getErrorCode(), "poll on " + name);
        }
    }

    @Override
    public void write(ByteBuffer packet) throws IOException {
        int n = packet.remaining();
        if (n > MAX_PACKET) {
            throw new IllegalArgumentException("packet of " + n + " bytes is too large");
        }
        lifecycle.readLock().lock();
        try {
            if (closed.get()) {
                throw new ClosedChannelException();
            }
            synchronized (writeBuffer) {
                writeBuffer.getByteBuffer(0, n).put(packet.duplicate());
                LibC.INSTANCE.write(tunFd, writeBuffer, new NativeLong(n));
                packet.position(packet.limit());
            }
        } catch (LastErrorException e) {
            throw new PlatformException(Reason.TUN_IO, e.getErrorCode(), "write to " + name);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Destroys the device and wakes a blocked reader; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        wakeup.signal();
        lifecycle.writeLock().lock();
        try {
            Wakeup.closeQuietly(tunFd);
            wakeup.close();
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    /** Whether {@link #close} has been called. */
    public boolean isClosed() {
        return closed.get();
    }

}
