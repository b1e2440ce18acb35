package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.spi.TunDevice;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A TUN device in memory: the test injects packets the host sends and collects those it receives. */
final class MemoryTun implements TunDevice {

    private static final byte[] CLOSED = new byte[0];

    /** Packets the engine wrote (what the host receives from the tunnel). */
    final BlockingQueue<byte[]> written = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> toRead = new LinkedBlockingQueue<>();
    private final String name;
    private volatile boolean closed;

    MemoryTun(String name) {
        this.name = name;
    }

    /** A packet the host sends into the tunnel. */
    void inject(byte[] packet) {
        toRead.add(packet.clone());
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        byte[] packet;
        try {
            packet = toRead.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
        if (packet == CLOSED) {
            toRead.add(CLOSED);
            throw new ClosedChannelException();
        }
        dst.put(packet);
        return packet.length;
    }

    @Override
    public void write(ByteBuffer packet) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        byte[] copy = new byte[packet.remaining()];
        packet.duplicate().get(copy);
        written.add(copy);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            toRead.add(CLOSED);
        }
    }
}
