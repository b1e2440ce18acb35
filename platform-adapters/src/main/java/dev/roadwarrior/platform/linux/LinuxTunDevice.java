package dev.roadwarrior.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import dev.roadwarrior.engine.spi.TunDevice;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import dev.roadwarrior.platform.jna.FastIo;
import dev.roadwarrior.platform.jna.IfReq;
import dev.roadwarrior.platform.jna.LibC;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A non-persistent Linux TUN device ({@code IFF_TUN | IFF_NO_PI}) on a non-blocking descriptor
 * of {@code /dev/net/tun}. The device lives as long as the descriptor: {@link #close} (or the
 * death of the process) destroys it, and the kernel drops its addresses and routes with it.
 *
 * <p>The packet path costs one system call per packet: {@link #read} reads first and waits in
 * {@code poll()} only when nothing is queued, and both calls go through JNA direct mapping
 * ({@link FastIo}) into buffers allocated once. Reads take no lock; writes one uncontended monitor.
 *
 * <p>Wake-up on close: {@link #read} waits in {@code poll()} on the TUN descriptor and on an
 * eventfd. {@link #close} marks the device closed and signals the eventfd, so a blocked reader
 * returns at once and throws {@link ClosedChannelException}; close then waits until readers and
 * writers have left (a counter of calls in progress) before it releases the descriptors, so a
 * descriptor number is never reused under a running call.
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
    /** Reads and writes in progress (see {@link #close}). */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;
    private final Memory readBuffer = new Memory(MAX_PACKET);
    private final Memory writeBuffer = new Memory(MAX_PACKET);
    private final ByteBuffer readView = readBuffer.getByteBuffer(0, MAX_PACKET);
    private final ByteBuffer writeView = writeBuffer.getByteBuffer(0, MAX_PACKET);

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
     * Reads at once and waits in {@code poll()} only when nothing is queued.
     */
    @Override
    public int read(ByteBuffer dst) throws IOException {
        enter();
        try {
            while (true) {
                long n = FastIo.read(tunFd, readBuffer, MAX_PACKET);
                if (n >= 0) {
                    dst.put(dst.position(), readView, 0, (int) n);
                    dst.position(dst.position() + (int) n);
                    return (int) n;
                }
                int errno = FastIo.errno();
                if (errno != LibC.EAGAIN && errno != LibC.EINTR) {
                    throw new PlatformException(Reason.TUN_IO, errno, "read from " + name);
                }
                if (errno == LibC.EAGAIN && (closed || !awaitReadable())) {
                    throw new ClosedChannelException();
                }
            }
        } finally {
            leave();
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
        enter();
        try {
            synchronized (writeBuffer) { // uncontended but for the rare ICMP answer from the reading thread
                writeView.put(0, packet, packet.position(), n);
                if (FastIo.write(tunFd, writeBuffer, n) < 0) {
                    throw new PlatformException(Reason.TUN_IO, FastIo.errno(), "write to " + name);
                }
            }
            packet.position(packet.limit());
        } finally {
            leave();
        }
    }

    /** Counts a call in; throws when the device is closed (the descriptor may be gone). */
    private void enter() throws ClosedChannelException {
        inFlight.incrementAndGet();
        if (closed) {
            leave();
            throw new ClosedChannelException();
        }
    }

    private void leave() {
        if (inFlight.decrementAndGet() == 0 && closed) {
            synchronized (inFlight) {
                inFlight.notifyAll();
            }
        }
    }

    /**
     * Destroys the device and wakes a blocked reader; idempotent. The descriptors are released
     * once the calls in progress have left, so a descriptor number is never reused under one.
     */
    @Override
    public void close() {
        synchronized (inFlight) {
            if (closed) {
                return;
            }
            closed = true;
            wakeup.signal();
            boolean interrupted = false;
            while (inFlight.get() > 0) {
                try {
                    inFlight.wait(100);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
                wakeup.signal();
            }
            Wakeup.closeQuietly(tunFd);
            wakeup.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether {@link #close} has been called. */
    public boolean isClosed() {
        return closed;
    }

}
