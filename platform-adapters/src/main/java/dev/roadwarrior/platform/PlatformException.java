package dev.roadwarrior.platform;

import java.io.IOException;

/**
 * A host networking step that failed. {@link #reason} says which step (user text for it lives
 * with the UI); {@link #errno} is the operating system's error code when there is one, else 0.
 * The message is technical detail for logs.
 */
public final class PlatformException extends IOException {

    /** The step that failed. */
    public enum Reason {
        /** The TUN device could not be created (no /dev/net/tun, no privilege, bad name). */
        TUN_OPEN,
        /** Reading or writing a packet on the TUN device failed. */
        TUN_IO,
        /** Setting MTU, flags or address of an interface failed. */
        INTERFACE_CONFIG,
        /** The kernel found no route to the gateway or to an excluded network. */
        ROUTE_LOOKUP,
        /** Adding or removing a route failed. */
        ROUTE,
        /** Configuring or restoring DNS failed. */
        DNS,
        /** The kill switch's firewall rules could not be loaded ({@code nft}). */
        FIREWALL,
        /** The crash-recovery journal could not be written. */
        JOURNAL,
        /** A journal line could not be understood. */
        JOURNAL_CORRUPT,
        /** Changes of an earlier run are still recorded; recover them first. */
        LEFTOVER_STATE,
        /** The service's Unix-domain control socket failed (bind, accept, read, write, peer credentials). */
        CONTROL_SOCKET
    }

    private final Reason reason;
    private final int errno;

    public PlatformException(Reason reason, int errno, String detail) {
        super(reason + ": " + detail + (errno != 0 ? " (errno " + errno + ")" : ""));
        this.reason = reason;
        this.errno = errno;
    }

    public PlatformException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
        this.errno = 0;
    }

    public Reason reason() {
        return reason;
    }

    /** The errno of the failed call, or 0. */
    public int errno() {
        return errno;
    }
}
