package dev.roadwarrior.platform.linux;

import dev.roadwarrior.net.InternetChecksum;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The TUN device's offload work per 64 KB of a TCP stream (48 segments of 1348 bytes, as with
 * a 1400-byte MTU and timestamps): {@link #segment} cuts one TSO read into its segments (IP and TCP
 * checksums included), {@link #coalesce} joins them again for one write, and {@link #checksum}
 * is one segment's TCP checksum alone. Divide by 48 for the time per packet. As in the device, the
 * TSO read is in a direct buffer, the segments go to a heap one, and the joined packet is built in
 * a direct one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TcpOffloadBenchmark {

    private static final int SEGMENT = 1348;
    private static final int SEGMENTS = 48;

    private final TcpSegmenter segmenter = new TcpSegmenter();
    private final ByteBuffer joined = ByteBuffer.allocateDirect(VnetHeader.LENGTH + 65_535);
    private final TcpCoalescer coalescer = new TcpCoalescer(joined, 0);
    private final ByteBuffer out = ByteBuffer.allocate(2000);
    private ByteBuffer superPacket;
    private ByteBuffer[] segments;

    @Setup
    public void setUp() {
        byte[] payload = new byte[SEGMENT * SEGMENTS];
        new Random(1).nextBytes(payload);
        ByteBuffer heap = packet(payload, 1, 0x10);
        superPacket = ByteBuffer.allocateDirect(heap.remaining()).put(heap).flip(); // as the device reads it
        segments = new ByteBuffer[SEGMENTS];
        for (int i = 0; i < SEGMENTS; i++) {
            byte[] chunk = new byte[SEGMENT];
            System.arraycopy(payload, i * SEGMENT, chunk, 0, SEGMENT);
            segments[i] = packet(chunk, 1 + i * SEGMENT, 0x10);
        }
    }

    @Benchmark
    public int segment() {
        segmenter.start(superPacket, SEGMENT);
        int bytes = 0;
        while (segmenter.pending()) {
            out.clear();
            bytes += segmenter.next(out);
        }
        return bytes;
    }

    @Benchmark
    public int coalesce() {
        coalescer.begin(segments[0].duplicate());
        for (int i = 1; i < SEGMENTS; i++) {
            coalescer.append(segments[i].duplicate());
        }
        return coalescer.finish();
    }

    @Benchmark
    public short checksum() {
        return InternetChecksum.of(segments[7], 20, segments[7].remaining() - 20);
    }

    private static ByteBuffer packet(byte[] payload, int seq, int flags) {
        ByteBuffer b = ByteBuffer.allocate(52 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) Math.min(65_535, b.capacity())).putShort((short) 1)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(new byte[] {10, 88, 0, 1}).put(new byte[] {10, 77, 0, 2});
        b.putShort((short) 40000).putShort((short) 5201).putInt(seq).putInt(77)
                .put((byte) (8 << 4)).put((byte) flags).putShort((short) 502).putShort((short) 0).putShort((short) 0)
                .put(new byte[] {1, 1, 8, 10, 0, 0, 0, 42, 0, 0, 0, 7}).put(payload);
        return b.flip();
    }
}
