package dev.roadwarrior.platform.jna;

import java.io.IOException;

/** A netlink request the kernel refused ({@link #errno} &gt; 0) or a reply that did not decode (0). */
public final class NetlinkException extends IOException {

    private final int errno;

    public NetlinkException(int errno, String detail) {
        super(detail + (errno != 0 ? " (errno " + errno + ")" : ""));
        this.errno = errno;
    }

    static NetlinkException malformed(String detail) {
        return new NetlinkException(0, "malformed netlink reply: " + detail);
    }

    /** The kernel's errno, or 0 for a malformed reply. */
    public int errno() {
        return errno;
    }
}
