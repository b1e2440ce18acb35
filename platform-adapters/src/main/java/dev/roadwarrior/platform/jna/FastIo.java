package dev.roadwarrior.platform.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The libc calls of the packet path, bound by JNA direct mapping ({@link Native#register}):
 * static native methods with primitive arguments cost a plain JNI call, without the interface
 * mapping's proxy, argument boxing and conversion. A call never throws on failure: it returns -1
 * and {@link #errno()} tells why.
 *
 * <p>Sizes are {@code long} ({@code size_t} and {@code ssize_t} of the 64-bit Linux ABIs that
 * {@link LibC} supports).
 */
public final class FastIo {

    static {
        Native.register(FastIo.class, "c");
    }

    private FastIo() {
    }

    /** read(2): bytes read, 0 at end of file, or -1. */
    public static native long read(int fd, Pointer buffer, long count);

    /** write(2): bytes written, or -1. */
    public static native long write(int fd, Pointer buffer, long count);

    /** The {@code errno} of the calling thread's last failed call. */
    public static int errno() {
        return Native.getLastError();
    }
}
