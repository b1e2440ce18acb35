package dev.roadwarrior.bench;

import dev.roadwarrior.engine.esp.Direction;
import dev.roadwarrior.engine.esp.EspEncryption;
import dev.roadwarrior.engine.esp.EspIntegrity;
import dev.roadwarrior.engine.esp.EspProcessor;
import dev.roadwarrior.engine.esp.EspResult;
import dev.roadwarrior.engine.esp.EspSa;
import dev.roadwarrior.engine.esp.EspTransform;
import dev.roadwarrior.engine.esp.SaTable;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per packet of the userspace ESP code, per inner packet size and transform:
 * {@link #seal} (encapsulate), {@link #sealAndOpen} (encapsulate, then decapsulate with the peer's
 * SA; minus {@code seal} it is the decapsulation), and the ceiling, the same JVM's raw cipher and
 * MAC over the same number of bytes ({@link #rawCipherAndMac}: one running CBC chain plus an
 * HMAC, or one GCM operation with its per-packet init).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EspBenchmark {

    /** encryption:key bits:integrity, as the enums name them. */
    @Param({"AES_CBC:256:HMAC_SHA1_96", "AES_CBC:128:HMAC_SHA2_256_128", "AES_GCM_16:256:NONE"})
    public String transform;

    /** The inner IPv4 packet's length. */
    @Param({"64", "576", "1400"})
    public int size;

    private EspProcessor sender;
    private EspProcessor receiver;
    private EspSa outbound;
    private SaTable inbound;
    private ByteBuffer inner;
    private ByteBuffer esp;
    private ByteBuffer decrypted;
    private EspTransform t;
    private Cipher rawCipher;
    private SecretKeySpec rawKey;
    private Mac rawMac;
    private byte[] rawIn;
    private byte[] rawOut;
    private long rawCounter;

    @Setup
    public void setUp() throws GeneralSecurityException {
        String[] parts = transform.split(":");
        t = new EspTransform(EspEncryption.valueOf(parts[0]), Integer.parseInt(parts[1]),
                EspIntegrity.valueOf(parts[2]));
        byte[] keymat = new byte[t.keymatLength()];
        new Random(1).nextBytes(keymat);
        outbound = EspSa.create(Direction.OUTBOUND, 0x1001, t, keymat, Instant.EPOCH);
        inbound = new SaTable();
        inbound.addInbound(EspSa.create(Direction.INBOUND, 0x1001, t, keymat, Instant.EPOCH));
        sender = new EspProcessor();
        receiver = new EspProcessor();
        inner = ByteBuffer.wrap(ipv4(size));
        esp = ByteBuffer.allocate(size + t.maxOverhead());
        decrypted = ByteBuffer.allocate(size + t.maxOverhead());

        int keyLength = Integer.parseInt(parts[1]) / 8;
        rawKey = new SecretKeySpec(keymat, 0, keyLength, "AES");
        rawIn = new byte[size + 16];
        rawOut = new byte[size + 32];
        if (t.isAead()) {
            rawCipher = Cipher.getInstance("AES/GCM/NoPadding");
        } else {
            rawCipher = Cipher.getInstance("AES/CBC/NoPadding");
            rawCipher.init(Cipher.ENCRYPT_MODE, rawKey, new IvParameterSpec(new byte[16]));
            rawMac = Mac.getInstance(t.integrity() == EspIntegrity.HMAC_SHA1_96 ? "HmacSHA1" : "HmacSHA256");
            rawMac.init(new SecretKeySpec(keymat, keyLength, 20, rawMac.getAlgorithm()));
        }
    }

    @Benchmark
    public EspResult seal() {
        esp.clear();
        return sender.encapsulate(outbound, inner, esp);
    }

    @Benchmark
    public EspResult sealAndOpen() {
        esp.clear();
        sender.encapsulate(outbound, inner, esp);
        decrypted.clear();
        return receiver.decapsulate(inbound, esp, decrypted);
    }

    @Benchmark
    public byte[] rawCipherAndMac() throws GeneralSecurityException {
        int blocks = (size + 2 + 15) / 16 * 16;
        if (t.isAead()) {
            byte[] nonce = new byte[12];
            long n = ++rawCounter;
            for (int i = 0; i < 8; i++) {
                nonce[4 + i] = (byte) (n >>> 8 * (7 - i));
            }
            rawCipher.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, nonce));
            rawCipher.updateAAD(rawIn, 0, 8);
            rawCipher.doFinal(rawIn, 0, size + 2, rawOut, 0);
        } else {
            rawCipher.update(rawIn, 0, blocks, rawOut, 0);
            rawMac.update(rawOut, 0, blocks);
            rawMac.doFinal(rawOut, 0);
        }
        return rawOut;
    }

    /** An IPv4 header with this total length, then zeros. */
    private static byte[] ipv4(int length) {
        byte[] p = new byte[length];
        p[0] = 0x45;
        p[2] = (byte) (length >>> 8);
        p[3] = (byte) length;
        p[8] = 64;
        p[9] = 17;
        p[12] = 10;
        p[15] = 1;
        p[16] = 10;
        p[19] = 2;
        return p;
    }
}
