package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.esp.EspProcessor;
import dev.roadwarrior.engine.esp.EspResult;
import dev.roadwarrior.engine.esp.EspSa;
import dev.roadwarrior.engine.esp.PathMtu;
import dev.roadwarrior.engine.esp.SaTable;
import dev.roadwarrior.engine.spi.TunDevice;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The {@code rw-tun} thread: reads packets from the TUN device, encapsulates each with the
 * current outbound SA and sends it on the NAT-T socket. Packets read while no outbound SA is
 * installed are discarded. It ends when the TUN device is closed; any other read failure is
 * reported to {@code onFailure} first.
 */
final class TunReader implements Runnable {

    private static final System.Logger LOG = System.getLogger(TunReader.class.getName());
    private static final int MAX_PACKET = 65_535;
    /** Room for the largest ESP overhead of any transform. */
    private static final int MAX_OVERHEAD = 256;

    private final TunDevice tun;
    private final SaTable sas;
    private final EspProcessor esp;
    private final GatewaySockets sockets;
    private final Consumer<IOException> onFailure;
    private final TunnelMtu mtu;
    private final Runnable onMessageTooLong;
    private final LongSupplier clock;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long lastSentMillis = Long.MIN_VALUE;

    private TunReader(TunDevice tun, SaTable sas, EspProcessor esp, GatewaySockets sockets,
            Consumer<IOException> onFailure, LongSupplier clock, TunnelMtu mtu, Runnable onMessageTooLong) {
        this.mtu = mtu;
        this.onMessageTooLong = onMessageTooLong;
        this.tun = tun;
        this.sas = sas;
        this.esp = esp;
        this.sockets = sockets;
        this.onFailure = onFailure;
        this.clock = clock;
        this.thread = new Thread(this, "rw-tun");
        thread.setDaemon(true);
    }

    /**
     * Starts the thread. {@code onFailure} is called on it when reading fails unexpectedly;
     * {@code clock} (thread-safe) stamps {@link #lastSentMillis()}. Packets longer than
     * {@code mtu} with DF set are answered with ICMP "fragmentation needed" instead of sent, TCP
     * SYNs get an MSS that fits it; {@code onMessageTooLong} (thread-safe) hears of EMSGSIZE.
     */
    static TunReader start(TunDevice tun, SaTable sas, EspProcessor esp, GatewaySockets sockets,
            Consumer<IOException> onFailure, LongSupplier clock, TunnelMtu mtu, Runnable onMessageTooLong) {
        TunReader reader = new TunReader(tun, sas, esp, sockets, onFailure, clock, mtu, onMessageTooLong);
        reader.thread.start();
        return reader;
    }

    /** When the last ESP packet went out, or {@link Long#MIN_VALUE}; any thread. */
    long lastSentMillis() {
        return lastSentMillis;
    }

    @Override
    public void run() {
        ByteBuffer inner = ByteBuffer.allocate(MAX_PACKET);
        ByteBuffer out = ByteBuffer.allocate(MAX_PACKET + MAX_OVERHEAD);
        while (!stopping) {
            inner.clear();
            try {
                tun.read(inner);
            } catch (IOException e) {
                if (!stopping) {
                    onFailure.accept(e);
                }
                return;
            }
            inner.flip();
            EspSa sa = sas.outbound().orElse(null);
            if (sa == null) {
                continue;
            }
            out.clear();
            try {
                int limit = mtu.inner();
                if (PathMtu.tooBigToSend(inner, limit)) {
                    tun.write(PathMtu.fragmentationNeeded(inner, limit));
                    continue;
                }
                PathMtu.clampMss(inner, PathMtu.mss(limit));
                if (esp.encapsulate(sa, inner, out) instanceof EspResult.Processed p) {
                    sockets.sendEsp(p.packet());
                    lastSentMillis = clock.getAsLong();
                }
            } catch (IOException | RuntimeException e) {
                if (e instanceof IOException io && GatewaySockets.messageTooLong(io)) {
                    onMessageTooLong.run();
                } else if (!stopping) {
                    LOG.log(Level.DEBUG, "outbound packet not sent: {0}", e.toString());
                }
            }
        }
    }

    /**
     * Tells the thread to end; it does once the TUN device is closed (which wakes a blocked read).
     */
    void stop() {
        stopping = true;
    }

    /** Waits up to {@code millis} for the thread to end. */
    void join(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(Level.WARNING, "the TUN reader did not stop within {0} ms", millis);
        }
    }
}
