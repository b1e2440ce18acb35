package dev.roadwarrior.engine.spi;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A layer-3 TUN device carrying bare IPv4 packets (no packet-information header).
 *
 * <p>Threading: one thread may block in {@link #read} while another calls {@link #write};
 * {@link #close} from any thread wakes a blocked reader, which then throws
 * {@link java.nio.channels.ClosedChannelException} (an {@link IOException}).
 */
public interface TunDevice extends Closeable {

    /** The interface name, e.g. {@code rw0}. */
    String name();

    /**
     * Blocks until one packet arrives and copies it into {@code dst} from its position.
     *
     * @return the packet length; the buffer's position is advanced by it
     * @throws IOException when the device is closed or fails
     */
    int read(ByteBuffer dst) throws IOException;

    /** Writes one whole IPv4 packet: the bytes from position to limit. */
    void write(ByteBuffer packet) throws IOException;

    /**
     * Writes one whole IPv4 packet like {@link #write}, but the device may hold it back to go out
     * with the next ones of the same TCP stream in one write, until {@link #flush}.
     */
    default void writeBatched(ByteBuffer packet) throws IOException {
        write(packet);
    }

    /** Writes what {@link #writeBatched} held back. */
    default void flush() throws IOException {
    }

    /** Destroys the device; idempotent. */
    @Override
    void close() throws IOException;
}
