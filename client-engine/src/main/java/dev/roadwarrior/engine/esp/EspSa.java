package dev.roadwarrior.engine.esp;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One direction of an ESP SA: SPI, transform, keys (inside cached cipher state), sequence
 * counter or replay window, and counters for lifetimes and statistics.
 *
 * <p>Threading: packets of one SA are processed by one thread at a time (the outbound SA by the
 * thread that encapsulates, an inbound SA by the thread that decapsulates). The getters may be
 * called from any thread, e.g. by the IKE engine checking lifetimes.
 */
public final class EspSa {

    /** The last sequence number an outbound SA may use; it never wraps (RFC 4303 §3.3.3). */
    public static final long MAX_SEQUENCE = 0xFFFF_FFFFL;

    /** {@link #rekeyNeeded()} turns true when fewer sequence numbers than this remain. */
    public static final long REKEY_MARGIN = 1L << 24;

    private final Direction direction;
    private final int spi;
    private final EspTransform transform;
    private final Instant createdAt;
    private final SaCrypto crypto;
    private final ReplayWindow replayWindow; // inbound only
    private volatile long sequence; // outbound: the last sequence number used
    private volatile long packets;
    private volatile long bytes;

    private EspSa(Direction direction, int spi, EspTransform transform, Instant createdAt, SaCrypto crypto) {
        this.direction = direction;
        this.spi = spi;
        this.transform = transform;
        this.createdAt = createdAt;
        this.crypto = crypto;
        this.replayWindow = direction == Direction.INBOUND ? new ReplayWindow(ReplayWindow.DEFAULT_SIZE) : null;
    }

    /**
     * Creates one SA direction from the Quick Mode KEYMAT of that direction.
     *
     * <p>The KEYMAT is split encryption key first, then integrity key (see {@link EspTransform});
     * bytes beyond {@link EspTransform#keymatLength()} are ignored. The SA keeps no copy of the
     * array; the caller should wipe it after this call.
     *
     * @param direction inbound (our SPI) or outbound (the gateway's SPI)
     * @param spi the SPI; must not be 0, which RFC 4303 §2.1 reserves (the IKE layer must reject it)
     * @param transform the negotiated transform
     * @param keymat at least {@code transform.keymatLength()} bytes
     * @param createdAt when the SA was established, for time lifetimes
     * @throws IllegalArgumentException when the SPI is 0 or the KEYMAT is too short
     */
    public static EspSa create(Direction direction, int spi, EspTransform transform, byte[] keymat, Instant createdAt) {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(createdAt, "createdAt");
        if (spi == 0) {
            throw new IllegalArgumentException("SPI 0 is reserved");
        }
        if (keymat.length < transform.keymatLength()) {
            throw new IllegalArgumentException("KEYMAT too short for " + transform + ": " + keymat.length
                    + " < " + transform.keymatLength() + " bytes");
        }
        int encLength = transform.encryptionKeyLength();
        byte[] encryptionKey = Arrays.copyOfRange(keymat, 0, encLength);
        byte[] integrityKey = Arrays.copyOfRange(keymat, encLength, encLength + transform.integrityKeyLength());
        try {
            return new EspSa(direction, spi, transform, createdAt,
                    SaCrypto.create(transform, encryptionKey, integrityKey));
        } finally {
            Arrays.fill(encryptionKey, (byte) 0);
            Arrays.fill(integrityKey, (byte) 0);
        }
    }

    public Direction direction() {
        return direction;
    }

    /** The SPI, as sent in the ESP header (an unsigned 32-bit value held in an int). */
    public int spi() {
        return spi;
    }

    public EspTransform transform() {
        return transform;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Inner packets processed so far. */
    public long packets() {
        return packets;
    }

    /** Inner (plaintext) bytes processed so far, for kilobyte lifetimes. */
    public long bytes() {
        return bytes;
    }

    /** Outbound: the last sequence number sent. Inbound: the highest one accepted. 0 before any. */
    public long sequenceNumber() {
        return direction == Direction.OUTBOUND ? sequence : replayWindow.highest();
    }

    /** Outbound: sequence numbers left before the SA is exhausted. Inbound: always {@link #MAX_SEQUENCE}. */
    public long remainingSequenceNumbers() {
        return direction == Direction.OUTBOUND ? MAX_SEQUENCE - sequence : MAX_SEQUENCE;
    }

    /** Whether an outbound SA is close to sequence exhaustion and the IKE layer should rekey now. */
    public boolean rekeyNeeded() {
        return remainingSequenceNumbers() < REKEY_MARGIN;
    }

    @Override
    public String toString() {
        return direction + " SA " + String.format("%08x", spi) + " " + transform;
    }

    SaCrypto crypto() {
        return crypto;
    }

    ReplayWindow replayWindow() {
        return replayWindow;
    }

    /** Outbound: takes the next sequence number, or returns -1 once {@link #MAX_SEQUENCE} was used. */
    long nextSequence() {
        long s = sequence;
        if (s >= MAX_SEQUENCE) {
            return -1;
        }
        sequence = s + 1;
        return s + 1;
    }

    /** Sets the outbound counter, so that tests can reach the 2^32 edge. */
    void skipSequenceTo(long lastUsed) {
        sequence = lastUsed;
    }

    void count(int innerBytes) {
        packets = packets + 1;
        bytes = bytes + innerBytes;
    }
}
