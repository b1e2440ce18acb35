package dev.roadwarrior.platform.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import dev.roadwarrior.engine.spi.TunDevice;
import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import dev.roadwarrior.platform.jna.FastIo;
import dev.roadwarrior.platform.jna.IfReq;
import dev.roadwarrior.platform.jna.LibC;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A non-persistent Linux TUN device ({@code IFF_TUN | IFF_NO_PI | IFF_VNET_HDR}) on a non-blocking
 * descriptor of {@code /dev/net/tun}. The device lives as long as the descriptor: {@link #close}
 * (or the death of the process) destroys it, and the kernel drops its addresses and routes with it.
 *
 * <p>Offloads ({@code TUNSETOFFLOAD}: checksum, TSO for IPv4 and IPv6): the kernel hands out a TCP
 * stream's data in reads of up to 64 KB instead of one per MTU-sized packet, and leaves transport
 * checksums to the device. {@link #read} completes those checksums and cuts such a read into the
 * segments the kernel would have sent ({@link TcpSegmenter}), one per call, so callers see plain
 * packets no larger than the MTU. A kernel that refuses the offloads hands out plain packets.
 *
 * <p>The packet path costs at most one system call per packet: {@link #read} reads first and waits
 * in {@code poll()} only when nothing is queued, and both calls go through JNA direct mapping
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
    static final short IFF_VNET_HDR = 0x4000;
    static final int TUNSETOFFLOAD = 0x400454d0;
    static final int TUN_F_CSUM = 0x01;
    static final int TUN_F_TSO4 = 0x02;
    static final int TUN_F_TSO6 = 0x04;
    /** The largest packet a TUN device hands out. */
    static final int MAX_PACKET = 65535;
    private static final int BUFFER = MAX_PACKET + VnetHeader.LENGTH;
    private static final System.Logger LOG = System.getLogger(LinuxTunDevice.class.getName());
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,10}");

    private final String name;
    private final int tunFd;
    private final Wakeup wakeup;
    /** Reads and writes in progress (see {@link #close}). */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closed;
    private final Memory readBuffer = new Memory(BUFFER);
    private final Memory writeBuffer = new Memory(BUFFER);
    private final ByteBuffer readView = readBuffer.getByteBuffer(0, BUFFER).order(ByteOrder.BIG_ENDIAN);
    private final ByteBuffer writeView = writeBuffer.getByteBuffer(0, BUFFER).order(ByteOrder.BIG_ENDIAN);
    private final TcpSegmenter segmenter = new TcpSegmenter();
    private final TcpCoalescer coalescer = new TcpCoalescer(writeView, 0);

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
            IfReq req = new IfReq(namePrefix + "%d").flags((short) (IFF_TUN | IFF_NO_PI | IFF_VNET_HDR));
            LibC.INSTANCE.ioctl(tunFd, new NativeLong(TUNSETIFF), req.pointer());
            enableOffloads(tunFd, req.name());
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

    /** Asks for checksum and TSO offloads; without them the kernel hands out plain packets, which work too. */
    private static void enableOffloads(int tunFd, String name) {
        try {
            LibC.INSTANCE.ioctl(tunFd, new NativeLong(TUNSETOFFLOAD),
                    Pointer.createConstant(TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6));
        } catch (LastErrorException e) {
            LOG.log(System.Logger.Level.INFO, "{0}: the kernel refused checksum and TSO offloads (errno {1});"
                    + " reading one packet per call", name, e.getErrorCode());
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
            if (segmenter.pending()) {
                return segmenter.next(dst);
            }
            while (true) {
                long n = FastIo.read(tunFd, readBuffer, BUFFER);
                if (n >= 0) {
                    int length = take((int) n, dst);
                    if (length >= 0) {
                        return length;
                    }
                    continue;
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

    /**
     * Hands the packet of {@code n} bytes just read (header included) to {@code dst}: completes its
     * checksum or starts cutting it into segments, as its header asks.
     *
     * @return its (first segment's) length, or -1 when it was malformed and dropped
     */
    private int take(int n, ByteBuffer dst) {
        if (n <= VnetHeader.LENGTH) {
            return -1;
        }
        readView.limit(n).position(VnetHeader.LENGTH);
        int gso = VnetHeader.gsoType(readView, 0);
        if (gso == VnetHeader.GSO_NONE) {
            if ((VnetHeader.flags(readView, 0) & VnetHeader.F_NEEDS_CSUM) != 0 && !VnetHeader.completeChecksum(
                    readView, VnetHeader.checksumStart(readView, 0), VnetHeader.checksumOffset(readView, 0))) {
                return dropped(n);
            }
            int length = n - VnetHeader.LENGTH;
            dst.put(dst.position(), readView, VnetHeader.LENGTH, length);
            dst.position(dst.position() + length);
            return length;
        }
        if ((gso == VnetHeader.GSO_TCPV4 || gso == VnetHeader.GSO_TCPV6)
                && segmenter.start(readView, VnetHeader.gsoSize(readView, 0))) {
            return segmenter.next(dst);
        }
        return dropped(n);
    }

    private int dropped(int n) {
        LOG.log(System.Logger.Level.DEBUG, "{0}: dropped a packet of {1} bytes that could not be segmented", name, n);
        return -1;
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
        int n = checkLength(packet);
        enter();
        try {
            synchronized (writeBuffer) { // uncontended but for the rare ICMP answer from the reading thread
                flushPending();
                writePlain(packet, n);
            }
        } finally {
            leave();
        }
    }

    /**
     * Joins consecutive segments of a TCP stream into one write ({@link TcpCoalescer}); the joined
     * packet goes out when a packet that does not join comes, or on {@link #flush}.
     */
    @Override
    public void writeBatched(ByteBuffer packet) throws IOException {
        int n = checkLength(packet);
        enter();
        try {
            synchronized (writeBuffer) {
                if (coalescer.append(packet)) {
                    packet.position(packet.limit());
                    return;
                }
                flushPending();
                if (coalescer.begin(packet)) {
                    packet.position(packet.limit());
                } else {
                    writePlain(packet, n);
                }
            }
        } finally {
            leave();
        }
    }

    @Override
    public void flush() throws IOException {
        enter();
        try {
            synchronized (writeBuffer) {
                flushPending();
            }
        } finally {
            leave();
        }
    }

    private static int checkLength(ByteBuffer packet) {
        int n = packet.remaining();
        if (n > MAX_PACKET) {
            throw new IllegalArgumentException("packet of " + n + " bytes is too large");
        }
        return n;
    }

    /** Writes the joined packet, if any; holds the write lock. */
    private void flushPending() throws PlatformException {
        int n = coalescer.finish();
        if (n > 0 && FastIo.write(tunFd, writeBuffer, n) < 0) {
            throw new PlatformException(Reason.TUN_IO, FastIo.errno(), "write to " + name);
        }
    }

    /** Writes one packet behind a header that asks for nothing; holds the write lock. */
    private void writePlain(ByteBuffer packet, int n) throws PlatformException {
        VnetHeader.writePlain(writeView, 0);
        writeView.put(VnetHeader.LENGTH, packet, packet.position(), n);
        if (FastIo.write(tunFd, writeBuffer, n + VnetHeader.LENGTH) < 0) {
            throw new PlatformException(Reason.TUN_IO, FastIo.errno(), "write to " + name);
        }
        packet.position(packet.limit());
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
