package dev.roadwarrior.engine.esp.bench;

import dev.roadwarrior.engine.esp.Direction;
import dev.roadwarrior.engine.esp.EspEncryption;
import dev.roadwarrior.engine.esp.EspIntegrity;
import dev.roadwarrior.engine.esp.EspProcessor;
import dev.roadwarrior.engine.esp.EspResult;
import dev.roadwarrior.engine.esp.EspSa;
import dev.roadwarrior.engine.esp.EspTransform;
import dev.roadwarrior.engine.esp.SaTable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/**
 * Throughput of one encapsulate plus one decapsulate per packet, single-threaded, through the
 * public API with reused buffers (as the runtime will call it). A plain main, not a test; see
 * bench/esp/README.md for how to run it.
 *
 * <p>Arguments (optional): run length in milliseconds (default 1000), warm-up length in
 * milliseconds per configuration (default 2000).
 */
public final class EspBench {

    private static final EspTransform[] TRANSFORMS = {
        new EspTransform(EspEncryption.AES_CBC, 128, EspIntegrity.HMAC_SHA1_96),
        new EspTransform(EspEncryption.AES_CBC, 256, EspIntegrity.HMAC_SHA2_256_128),
        new EspTransform(EspEncryption.AES_GCM_16, 128, EspIntegrity.NONE),
    };
    private static final int[] SIZES = {1400, 64};
    private static final int RUNS = 5;

    private long sink;

    private EspBench() {}

    public static void main(String[] args) {
        long runMillis = args.length > 0 ? Long.parseLong(args[0]) : 1000;
        long warmupMillis = args.length > 1 ? Long.parseLong(args[1]) : 2000;
        System.out.printf("EspBench: %s %s, %d cores, %d runs of %d ms after %d ms warm-up%n",
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), RUNS, runMillis, warmupMillis);
        System.out.printf("%-34s %6s %10s %10s %10s %12s%n", "transform", "bytes", "MB/s med", "MB/s min", "MB/s max",
                "packets/s");
        EspBench bench = new EspBench();
        for (EspTransform t : TRANSFORMS) {
            for (int size : SIZES) {
                bench.measure(t, size, runMillis, warmupMillis);
            }
        }
        System.out.println("(MB = 10^6 inner bytes; each packet is encapsulated and then decapsulated)");
        if (bench.sink == 42) {
            System.out.println();
        }
    }

    private void measure(EspTransform t, int size, long runMillis, long warmupMillis) {
        byte[] keymat = new byte[t.keymatLength()];
        new Random(1).nextBytes(keymat);
        EspSa out = EspSa.create(Direction.OUTBOUND, 0x1001, t, keymat, Instant.now());
        SaTable table = new SaTable();
        table.addInbound(EspSa.create(Direction.INBOUND, 0x1001, t, keymat, Instant.now()));
        EspProcessor processor = new EspProcessor();
        ByteBuffer inner = ipv4(size);
        ByteBuffer esp = ByteBuffer.allocate(size + t.maxOverhead());
        ByteBuffer back = ByteBuffer.allocate(esp.capacity());

        run(processor, out, table, inner, esp, back, warmupMillis);
        double[] packetsPerSecond = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            packetsPerSecond[i] = run(processor, out, table, inner, esp, back, runMillis);
        }
        Arrays.sort(packetsPerSecond);
        double median = packetsPerSecond[RUNS / 2];
        System.out.printf("%-34s %6d %10.1f %10.1f %10.1f %12.0f%n", t, size, median * size / 1e6,
                packetsPerSecond[0] * size / 1e6, packetsPerSecond[RUNS - 1] * size / 1e6, median);
    }

    /** Round trips for about {@code millis}; returns packets per second. */
    private double run(EspProcessor processor, EspSa out, SaTable table, ByteBuffer inner, ByteBuffer esp,
            ByteBuffer back, long millis) {
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000L;
        long packets = 0;
        long now;
        do {
            for (int i = 0; i < 256; i++) {
                esp.clear();
                back.clear();
                EspResult sealed = processor.encapsulate(out, inner, esp);
                EspResult opened = processor.decapsulate(table, ((EspResult.Processed) sealed).packet(), back);
                sink += ((EspResult.Processed) opened).packet().remaining();
            }
            packets += 256;
            now = System.nanoTime();
        } while (now < deadline);
        return packets * 1e9 / (now - start);
    }

    private static ByteBuffer ipv4(int size) {
        byte[] p = new byte[size];
        new Random(2).nextBytes(p);
        p[0] = 0x45;
        p[2] = (byte) (size >>> 8);
        p[3] = (byte) size;
        return ByteBuffer.wrap(p);
    }
}
