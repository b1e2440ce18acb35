package dev.roadwarrior.engine.ike;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's last requests and our replies to them, per message ID, so that a retransmitted
 * request is answered with the same reply instead of being processed again. Bounded: the oldest
 * entries go first (a gateway retransmits only its latest exchanges).
 *
 * <p>Threading: confined to the engine thread.
 */
final class ReplyCache {

    /** How many exchanges are remembered. */
    static final int CAPACITY = 16;

    /** A request and our protected reply (empty while it has none). */
    private static final class Entry {
        final byte[] request;
        Optional<byte[]> reply;

        Entry(byte[] request, Optional<byte[]> reply) {
            this.request = request;
            this.reply = reply;
        }
    }

    private final Map<Integer, Entry> entries = new LinkedHashMap<>(CAPACITY * 2, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Whether {@code datagram} repeats the request last received with {@code messageId}. */
    boolean repeats(int messageId, byte[] datagram) {
        Entry e = entries.get(messageId);
        return e != null && Arrays.equals(e.request, datagram);
    }

    /** Our reply to the request with {@code messageId}; empty when there is none (yet). */
    Optional<byte[]> reply(int messageId) {
        Entry e = entries.get(messageId);
        return e == null ? Optional.empty() : e.reply;
    }

    /** Remembers the request with {@code messageId} and our reply to it (empty: none, or not yet). */
    void put(int messageId, byte[] request, Optional<byte[]> reply) {
        entries.remove(messageId);
        entries.put(messageId, new Entry(request, reply));
    }

    /** Records the late reply to the request with {@code messageId}, if it is still remembered. */
    void answer(int messageId, byte[] reply) {
        Entry e = entries.get(messageId);
        if (e != null) {
            e.reply = Optional.of(reply);
        }
    }

    int size() {
        return entries.size();
    }
}
