package dev.roadwarrior.engine.ike.codec;

import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reassembles a datagram from Cisco IKE fragments ({@link Fragmenter}'s counterpart), one datagram
 * at a time per IKE SA. Pure: the caller passes the time. Not thread-safe; one instance per IKE
 * SA, used by the task manager only.
 *
 * <p>Fragments may arrive in any order; duplicates (e.g. from a retransmission) are ignored. A
 * fragment with another fragment ID discards the datagram in progress, as does a datagram left
 * incomplete for longer than the timeout. strongSwan uses fragment ID 1 for every message, so
 * against it the timeout is what separates an incomplete datagram from the next one. Limits on
 * the number of fragments and the total size bound the memory spoofed fragments can tie up.
 */
public final class Defragmenter {

    public static final int DEFAULT_MAX_FRAGMENTS = 16;
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;
    public static final long DEFAULT_TIMEOUT_MILLIS = 30_000;

    private final int maxFragments;
    private final int maxBytes;
    private final long timeoutMillis;

    private final TreeMap<Integer, byte[]> parts = new TreeMap<>();
    private int fragmentId = -1;
    private long startedAt;
    private int lastNumber;
    private int size;

    /** Limits of 16 fragments, 64 KiB and 30 seconds. */
    public Defragmenter() {
        this(DEFAULT_MAX_FRAGMENTS, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MILLIS);
    }

    /**
     * @param maxFragments the highest fragment number accepted, 1 to 255
     * @param maxBytes the largest datagram reassembled
     * @param timeoutMillis how long an incomplete datagram is kept after its first fragment
     */
    public Defragmenter(int maxFragments, int maxBytes, long timeoutMillis) {
        if (maxFragments < 1 || maxFragments > 255 || maxBytes < 1 || timeoutMillis < 1) {
            throw new IllegalArgumentException("bad defragmentation limits");
        }
        this.maxFragments = maxFragments;
        this.maxBytes = maxBytes;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Adds a received fragment.
     *
     * @param nowMillis the current time on any monotonic clock
     * @return the reassembled datagram once the fragment completes it, else empty
     * @throws IkeProtocolException PAYLOAD_MALFORMED for a fragment that breaks the limits or
     *     contradicts the fragments before it (a number beyond the last, a second last fragment);
     *     the datagram in progress is kept unless the size limit was exceeded
     */
    public Optional<byte[]> add(FragmentPayload fragment, long nowMillis) throws IkeProtocolException {
        if (fragmentId >= 0 && nowMillis - startedAt > timeoutMillis) {
            reset();
        }
        int number = fragment.number();
        if (number > maxFragments) {
            throw malformed("fragment number " + number + " above the limit of " + maxFragments);
        }
        if (fragment.fragmentId() != fragmentId) {
            reset();
            fragmentId = fragment.fragmentId();
            startedAt = nowMillis;
        }
        if (lastNumber != 0 && number > lastNumber) {
            throw malformed("fragment " + number + " after last fragment " + lastNumber);
        }
        if (fragment.last()) {
            if (lastNumber != 0 && lastNumber != number) {
                throw malformed("second last fragment " + number + ", first was " + lastNumber);
            }
            if (!parts.isEmpty() && parts.lastKey() > number) {
                throw malformed("last fragment " + number + " below fragment " + parts.lastKey());
            }
        }
        if (parts.containsKey(number)) {
            return Optional.empty();
        }
        byte[] data = fragment.data();
        if (size + data.length > maxBytes) {
            reset();
            throw malformed("fragmented datagram larger than " + maxBytes + " bytes");
        }
        if (fragment.last()) {
            lastNumber = number;
        }
        parts.put(number, data);
        size += data.length;
        if (lastNumber == 0 || parts.size() != lastNumber) {
            return Optional.empty();
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream(size);
        parts.values().forEach(whole::writeBytes);
        reset();
        return Optional.of(whole.toByteArray());
    }

    private void reset() {
        parts.clear();
        fragmentId = -1;
        lastNumber = 0;
        size = 0;
    }

    private static IkeProtocolException malformed(String detail) {
        return new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, detail);
    }
}
