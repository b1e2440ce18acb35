package dev.roadwarrior.platform.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code NETLINK_ROUTE} socket that sends one request at a time and waits for its reply. The
 * socket belongs to the network namespace of the thread that opened it. Not thread-safe.
 */
public final class NetlinkSocket implements Closeable {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) System.nanoTime() & 0xffff);
    private static final int REPLY_TIMEOUT_MILLIS = 5000;

    private final int fd;
    private final Memory receive = new Memory(65536);

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    public static NetlinkSocket openRoute() throws NetlinkException {
        try {
            return new NetlinkSocket(LibC.INSTANCE.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC,
                    LibC.NETLINK_ROUTE));
        } catch (LastErrorException e) {
            throw new NetlinkException(e.getErrorCode(), "cannot open rtnetlink socket");
        }
    }

    /**
     * Sends {@code request} with {@code NLM_F_ACK} expected in its flags and returns the replies
     * that came before the acknowledgement.
     *
     * @throws NetlinkException with the kernel's errno when the request failed
     */
    public List<NetlinkMessage> request(NetlinkRequest request) throws NetlinkException {
        int seq = SEQUENCE.incrementAndGet();
        byte[] bytes = request.toBytes(seq);
        try (Memory out = new Memory(bytes.length)) {
            out.write(0, bytes, 0, bytes.length);
            LibC.INSTANCE.write(fd, out, new NativeLong(bytes.length));
        } catch (LastErrorException e) {
            throw new NetlinkException(e.getErrorCode(), "netlink send failed");
        }
        List<NetlinkMessage> replies = new ArrayList<>();
        while (true) {
            // a copy: replies must outlive the receive buffer, which the next datagram overwrites
            ByteBuffer datagram = ByteBuffer.wrap(receive.getByteArray(0, receiveOne()));
            for (NetlinkMessage m : NetlinkMessage.parseAll(datagram)) {
                if (m.seq() != seq) {
                    continue;
                }
                if (m.type() == NetlinkMessage.NLMSG_ERROR) {
                    int error = m.error();
                    if (error != 0) {
                        throw new NetlinkException(-error, "netlink request " + request.type() + " refused");
                    }
                    return replies;
                }
                replies.add(m);
            }
        }
    }

    private int receiveOne() throws NetlinkException {
        try (Memory pollFd = new Memory(8)) {
            pollFd.setInt(0, fd);
            pollFd.setShort(4, LibC.POLLIN);
            pollFd.setShort(6, (short) 0);
            if (LibC.INSTANCE.poll(pollFd, new NativeLong(1), REPLY_TIMEOUT_MILLIS) == 0) {
                throw new NetlinkException(LibC.ETIMEDOUT, "no netlink reply");
            }
            return LibC.INSTANCE.read(fd, receive, new NativeLong(receive.size())).intValue();
        } catch (LastErrorException e) {
            throw new NetlinkException(e.getErrorCode(), "netlink receive failed");
        }
    }

    @Override
    public void close() {
        receive.close();
        try {
            LibC.INSTANCE.close(fd);
        } catch (LastErrorException e) {
            // the descriptor is released even when close reports an error
        }
    }
}
