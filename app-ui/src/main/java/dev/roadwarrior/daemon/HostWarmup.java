package dev.roadwarrior.daemon;

import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Loads and initialises, on a thread of its own, the host adapter's native layer (JNA, libc
 * bindings, rtnetlink, the TUN device) that a connection needs only after its IKE exchanges, so
 * that this work overlaps the round trips to the gateway instead of following them.
 *
 * <p>In a fresh JVM the first TUN open and route lookup cost ~100-150 ms of class loading and
 * JNA's native library set-up; started when the engine is about to run in this process (the
 * service's start, {@code connect} without the service), it is done by the time Quick Mode ends.
 * Only class initialisation happens here: no device, socket or file is opened.
 */
public final class HostWarmup {

    /** The classes initialised, in the order the connection first uses them. */
    static final List<String> CLASSES = List.of(
            "com.sun.jna.Native",
            "dev.roadwarrior.platform.jna.LibC",
            "dev.roadwarrior.platform.jna.NetlinkSocket",
            "dev.roadwarrior.platform.linux.Rtnetlink",
            "dev.roadwarrior.platform.linux.InterfaceControl",
            "dev.roadwarrior.platform.linux.LinuxTunDevice",
            "dev.roadwarrior.platform.jna.FastIo");

    private static final System.Logger LOG = System.getLogger(HostWarmup.class.getName());

    private HostWarmup() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static Thread start() {
        Thread thread = new Thread(HostWarmup::run, "host-warmup");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Initialises {@link #CLASSES}; a failure is logged and left for the real use to report. */
    static void run() {
        ClassLoader loader = HostWarmup.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                LOG.log(Level.DEBUG, "warm-up of " + name + " failed", e);
                return;
            }
        }
    }
}
