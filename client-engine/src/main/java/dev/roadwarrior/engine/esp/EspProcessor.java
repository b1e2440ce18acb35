package dev.roadwarrior.engine.esp;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * ESP in tunnel mode (RFC 4303) for IPv4 inner packets: encapsulates packets read from the TUN
 * device and decapsulates packets received from the gateway (after the UDP header and, for
 * RFC 3948 encapsulation, after {@link UdpEncapsulation#classify} said {@code ESP}).
 *
 * <p>Packets from the network never cause an exception: every problem ends in an
 * {@link EspResult.Dropped} with a {@link DropReason}, counted in {@link #statistics()}.
 * Exceptions only signal caller errors (an SA of the wrong direction, an output buffer too small).
 *
 * <p>Buffers: input is read from position to limit and left unchanged. Output is written at the
 * output buffer's position; on success the buffer's limit is set to the end of the output, its
 * position is left at the start (ready to send or write), and {@link EspResult.Processed#packet()}
 * is that buffer. On a drop its position and limit are unchanged (its content beyond the position
 * may be overwritten). Input and output must not overlap. Heap buffers are worked on directly;
 * others go through a scratch array. The buffers' byte order does not matter.
 *
 * <p>Threading: one thread may encapsulate while another decapsulates, but each of the two
 * operations must be called by one thread at a time. {@link #statistics()} may be called from
 * any thread.
 */
public final class EspProcessor {

    private static final int HEADER_LENGTH = 8; // SPI, sequence number

    private final IvGenerator ivGenerator;
    private final LongAdder packetsIn = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder packetsOut = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final AtomicLongArray drops = new AtomicLongArray(DropReason.values().length);
    private byte[] encapsulateScratch = new byte[0];
    private byte[] plainScratch = new byte[0];
    private byte[] decapsulateInput = new byte[0];
    private byte[] decapsulateOutput = new byte[0];

    /** A processor drawing CBC IVs from a new {@link SecureRandom}. */
    public EspProcessor() {
        this(new SecureRandom());
    }

    /** A processor drawing CBC IVs from {@code random}, which it uses only while encapsulating. */
    public EspProcessor(SecureRandom random) {
        this(new StandardIvGenerator(random));
    }

    EspProcessor(IvGenerator ivGenerator) {
        this.ivGenerator = ivGenerator;
    }

    /**
     * Encapsulates one inner IPv4 packet into a newly allocated buffer.
     *
     * @see #encapsulate(EspSa, ByteBuffer, ByteBuffer)
     */
    public EspResult encapsulate(EspSa sa, ByteBuffer innerPacket) {
        return encapsulate(sa, innerPacket,
                ByteBuffer.allocate(innerPacket.remaining() + sa.transform().maxOverhead()));
    }

    /**
     * Encapsulates one inner IPv4 packet with the outbound SA: takes the next sequence number,
     * pads to the cipher's alignment, encrypts with a fresh IV and appends the ICV. Bytes after
     * the IPv4 total length are not sent.
     *
     * @param sa the outbound SA, normally {@link SaTable#outbound()}
     * @param innerPacket the IPv4 packet, position to limit
     * @param dst receives the ESP packet; needs {@code innerPacket.remaining() +
     *     sa.transform().maxOverhead()} bytes remaining
     * @return the ESP packet, or a drop: {@link DropReason#BAD_INNER_PACKET} when the input is not
     *     IPv4, {@link DropReason#SEQUENCE_EXHAUSTED} when the SA must be replaced
     * @throws IllegalArgumentException when the SA is inbound or {@code dst} is too small
     */
    public EspResult encapsulate(EspSa sa, ByteBuffer innerPacket, ByteBuffer dst) {
        if (sa.direction() != Direction.OUTBOUND) {
            throw new IllegalArgumentException("cannot encapsulate with " + sa);
        }
        int available = innerPacket.remaining();
        if (dst.remaining() < available + sa.transform().maxOverhead()) {
            throw new IllegalArgumentException("output buffer too small: " + dst.remaining() + " bytes");
        }
        int innerLength = InnerPacket.length(innerPacket);
        if (innerLength < 0) {
            return drop(DropReason.BAD_INNER_PACKET);
        }
        return seal(sa, innerPacket, innerLength, EspPadding.IPV4, dst);
    }

    /**
     * Builds an ESP packet for any payload and next header; {@link #encapsulate} adds the IPv4
     * checks. Kept separate so that transport-mode known-answer vectors can be checked.
     */
    EspResult seal(EspSa sa, ByteBuffer payload, int payloadLength, int nextHeader, ByteBuffer dst) {
        long sequence = sa.nextSequence();
        if (sequence < 0) {
            return drop(DropReason.SEQUENCE_EXHAUSTED);
        }
        EspTransform t = sa.transform();
        int start = dst.position();
        byte[] buf;
        int off;
        if (dst.hasArray()) {
            buf = dst.array();
            off = dst.arrayOffset() + start;
        } else {
            encapsulateScratch = ensure(encapsulateScratch, payloadLength + t.maxOverhead());
            buf = encapsulateScratch;
            off = 0;
        }
        putInt(buf, off, sa.spi());
        putInt(buf, off + 4, (int) sequence);
        plainScratch = ensure(plainScratch, payloadLength + t.maxOverhead());
        ivGenerator.next(sa, sequence, plainScratch, 0);
        payload.get(payload.position(), plainScratch, t.ivLength(), payloadLength);
        int padded = EspPadding.write(plainScratch, t.ivLength(), payloadLength, t.alignment(), nextHeader);
        sa.crypto().seal(plainScratch, padded, ivGenerator.cbcIvIsSeed(), buf, off);
        int length = HEADER_LENGTH + t.ivLength() + padded + t.icvLength();
        if (!dst.hasArray()) {
            dst.put(start, buf, 0, length);
        }
        dst.limit(start + length);
        sa.count(payloadLength);
        packetsOut.increment();
        bytesOut.add(payloadLength);
        return new EspResult.Processed(sa, dst);
    }

    /**
     * Decapsulates one ESP packet into a newly allocated buffer.
     *
     * @see #decapsulate(SaTable, ByteBuffer, ByteBuffer)
     */
    public EspResult decapsulate(SaTable sas, ByteBuffer espPacket) {
        return decapsulate(sas, espPacket, ByteBuffer.allocate(espPacket.remaining()));
    }

    /**
     * Decapsulates one ESP packet (starting at the SPI): selects the inbound SA by SPI, checks the
     * replay window, verifies the ICV in constant time, decrypts, checks the padding, updates the
     * replay window and returns the inner IPv4 packet (without any bytes after its total length).
     *
     * @param sas the SA table to look the SPI up in
     * @param espPacket the ESP packet, position to limit
     * @param dst receives the inner packet; needs {@code espPacket.remaining()} bytes remaining
     * @return the inner packet, or a drop
     * @throws IllegalArgumentException when {@code dst} is too small
     */
    public EspResult decapsulate(SaTable sas, ByteBuffer espPacket, ByteBuffer dst) {
        int length = espPacket.remaining();
        if (dst.remaining() < length) {
            throw new IllegalArgumentException("output buffer too small: " + dst.remaining() + " bytes");
        }
        if (length < HEADER_LENGTH) {
            return drop(DropReason.TRUNCATED);
        }
        int position = espPacket.position();
        EspSa sa = sas.find(getInt(espPacket, position));
        if (sa == null) {
            return drop(DropReason.UNKNOWN_SPI);
        }
        EspTransform t = sa.transform();
        int cipherLength = length - HEADER_LENGTH - t.ivLength() - t.icvLength();
        if (cipherLength < Math.max(2, t.encryption().blockSize())) {
            return drop(DropReason.TRUNCATED);
        }
        if (cipherLength % t.encryption().blockSize() != 0) {
            return drop(DropReason.BAD_LENGTH);
        }
        long sequence = getInt(espPacket, position + 4) & 0xFFFF_FFFFL;
        ReplayWindow window = sa.replayWindow();
        if (!window.check(sequence)) {
            return drop(DropReason.REPLAY);
        }
        byte[] in;
        int inOff;
        if (espPacket.hasArray()) {
            in = espPacket.array();
            inOff = espPacket.arrayOffset() + position;
        } else {
            decapsulateInput = ensure(decapsulateInput, length);
            in = decapsulateInput;
            inOff = 0;
            espPacket.get(position, in, 0, length);
        }
        int start = dst.position();
        byte[] out;
        int outOff;
        if (dst.hasArray()) {
            out = dst.array();
            outOff = dst.arrayOffset() + start;
        } else {
            decapsulateOutput = ensure(decapsulateOutput, length);
            out = decapsulateOutput;
            outOff = 0;
        }
        int plainLength = sa.crypto().open(in, inOff, length, out, outOff);
        if (plainLength < 0) {
            return drop(DropReason.BAD_ICV);
        }
        int dataLength = EspPadding.dataLength(out, outOff, plainLength);
        if (dataLength < 0) {
            return drop(DropReason.BAD_PADDING);
        }
        window.update(sequence);
        int nextHeader = EspPadding.nextHeader(out, outOff, plainLength);
        if (nextHeader == EspPadding.NO_NEXT_HEADER) {
            return drop(DropReason.DUMMY_PACKET);
        }
        if (nextHeader != EspPadding.IPV4) {
            return drop(DropReason.BAD_NEXT_HEADER);
        }
        int innerLength = InnerPacket.length(out, outOff, dataLength);
        if (innerLength < 0) {
            return drop(DropReason.BAD_INNER_PACKET);
        }
        if (!dst.hasArray()) {
            dst.put(start, out, 0, innerLength);
        }
        dst.limit(start + innerLength);
        sa.count(innerLength);
        packetsIn.increment();
        bytesIn.add(innerLength);
        return new EspResult.Processed(sa, dst);
    }

    /** A snapshot of the counters; consistent per counter, not across counters. */
    public EspStatistics statistics() {
        Map<DropReason, Long> byReason = new EnumMap<>(DropReason.class);
        for (DropReason r : DropReason.values()) {
            byReason.put(r, drops.get(r.ordinal()));
        }
        return new EspStatistics(packetsIn.sum(), bytesIn.sum(), packetsOut.sum(), bytesOut.sum(), byReason);
    }

    private EspResult drop(DropReason reason) {
        drops.incrementAndGet(reason.ordinal());
        return EspResult.Dropped.of(reason);
    }

    private static byte[] ensure(byte[] scratch, int length) {
        return scratch.length >= length ? scratch : new byte[length];
    }

    /** Big-endian whatever the buffer's byte order. */
    private static int getInt(ByteBuffer b, int index) {
        return (b.get(index) & 0xff) << 24 | (b.get(index + 1) & 0xff) << 16 | (b.get(index + 2) & 0xff) << 8
                | b.get(index + 3) & 0xff;
    }

    private static void putInt(byte[] buf, int off, int value) {
        buf[off] = (byte) (value >>> 24);
        buf[off + 1] = (byte) (value >>> 16);
        buf[off + 2] = (byte) (value >>> 8);
        buf[off + 3] = (byte) value;
    }
}
