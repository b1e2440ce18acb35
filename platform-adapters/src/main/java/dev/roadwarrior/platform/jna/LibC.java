package dev.roadwarrior.platform.jna;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The few libc calls the Linux adapters need. Every call throws {@link LastErrorException}
 * carrying {@code errno} when it fails. Constants are those of x86_64 and aarch64 Linux.
 *
 * <p>Calls that create sockets act in the network namespace of the calling thread.
 */
public interface LibC extends Library {

    LibC INSTANCE = Native.load("c", LibC.class);

    int O_RDWR = 0x2;
    int O_NONBLOCK = 0x800;
    int O_CLOEXEC = 0x80000;

    int AF_UNIX = 1;
    int AF_INET = 2;
    int AF_NETLINK = 16;
    int SOCK_STREAM = 1;
    int SOCK_DGRAM = 2;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = O_CLOEXEC;
    int NETLINK_ROUTE = 0;

    int SOL_SOCKET = 1;
    /** {@code struct ucred {int pid; int uid; int gid;}} of a Unix-domain peer. */
    int SO_PEERCRED = 17;
    /** The peer's supplementary groups, an array of {@code gid_t} (Linux 4.13). */
    int SO_PEERGROUPS = 59;
    int SHUT_RDWR = 2;
    /** {@code send} flag: EPIPE instead of SIGPIPE when the peer is gone. */
    int MSG_NOSIGNAL = 0x4000;

    int EFD_NONBLOCK = O_NONBLOCK;
    int EFD_CLOEXEC = O_CLOEXEC;

    short POLLIN = 0x1;

    int EINTR = 4;
    int EAGAIN = 11;
    int ENOENT = 2;
    int ESRCH = 3;
    int ENODEV = 19;
    int EEXIST = 17;
    int EPIPE = 32;
    int ERANGE = 34;
    int EADDRNOTAVAIL = 99;
    int ECONNRESET = 104;
    int ETIMEDOUT = 110;

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    NativeLong read(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

    NativeLong write(int fd, Pointer buffer, NativeLong count) throws LastErrorException;

    int ioctl(int fd, NativeLong request, Pointer argument) throws LastErrorException;

    /** {@code fds} points to {@code count} {@code struct pollfd} (int fd, short events, short revents). */
    int poll(Pointer fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    int eventfd(int initialValue, int flags) throws LastErrorException;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, Pointer address, int length) throws LastErrorException;

    int listen(int fd, int backlog) throws LastErrorException;

    /** {@code address} and {@code length} may be null when the peer's address is not wanted. */
    int accept4(int fd, Pointer address, Pointer length, int flags) throws LastErrorException;

    int getsockopt(int fd, int level, int name, Pointer value, IntByReference length) throws LastErrorException;

    NativeLong send(int fd, Pointer buffer, NativeLong count, int flags) throws LastErrorException;

    int shutdown(int fd, int how) throws LastErrorException;
}
