package dev.roadwarrior.engine.esp;

import java.util.Arrays;

/**
 * The anti-replay window of an inbound SA (RFC 4303 §3.4.3), 32-bit sequence numbers (no ESN).
 *
 * <p>The bitmap is a ring of 64-bit words indexed by {@code sequence / 64} (the layout of RFC
 * 6479), so moving the window clears whole words instead of shifting bits. It holds one word
 * more than the window needs, so that the word of the newest number never overlaps the word of
 * the oldest one still inside the window.
 *
 * <p>Use: {@link #check} before the ICV is verified, {@link #update} only after it has been.
 * Not thread-safe: confined to the thread that decapsulates for the SA. {@link #highest()} may
 * be read from any thread.
 */
final class ReplayWindow {

    /** The window size used for every inbound SA. */
    static final int DEFAULT_SIZE = 1024;

    private final int size;
    private final long[] words;
    private volatile long highest; // 0 until the first packet is accepted

    /** @param size the window size in packets, a positive multiple of 64 */
    ReplayWindow(int size) {
        if (size <= 0 || size % 64 != 0) {
            throw new IllegalArgumentException("window size must be a positive multiple of 64: " + size);
        }
        this.size = size;
        this.words = new long[size / 64 + 1];
    }

    int size() {
        return size;
    }

    /** The highest sequence number accepted so far; 0 before the first. */
    long highest() {
        return highest;
    }

    /** Whether a packet with this sequence number (0 to 2^32-1) may be accepted. */
    boolean check(long sequence) {
        if (sequence == 0) {
            return false; // the sender starts at 1 (RFC 4303 §3.3.3)
        }
        long top = highest;
        if (sequence > top) {
            return true;
        }
        if (top - sequence >= size) {
            return false;
        }
        return (words[index(sequence)] & bit(sequence)) == 0;
    }

    /** Records an accepted sequence number, which {@link #check} has allowed. */
    void update(long sequence) {
        long top = highest;
        if (sequence > top) {
            long steps = (sequence >>> 6) - (top >>> 6);
            if (steps >= words.length) {
                Arrays.fill(words, 0L);
            } else {
                for (long w = (top >>> 6) + 1; w <= sequence >>> 6; w++) {
                    words[(int) (w % words.length)] = 0L;
                }
            }
            highest = sequence;
        }
        words[index(sequence)] |= bit(sequence);
    }

    private int index(long sequence) {
        return (int) ((sequence >>> 6) % words.length);
    }

    private static long bit(long sequence) {
        return 1L << (sequence & 63);
    }
}
