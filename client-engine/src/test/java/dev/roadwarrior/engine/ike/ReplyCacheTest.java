package dev.roadwarrior.engine.ike;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The replies kept for a gateway's retransmissions: found by message ID and bytes, and bounded. */
class ReplyCacheTest {

    @Test
    void aRepeatedRequestFindsItsReplyAndALateReplyIsKept() {
        ReplyCache cache = new ReplyCache();
        cache.put(7, new byte[] {1, 2}, Optional.empty());
        assertTrue(cache.repeats(7, new byte[] {1, 2}));
        assertFalse(cache.repeats(7, new byte[] {1, 3}), "same ID, other bytes: a new request");
        assertEquals(Optional.empty(), cache.reply(7));
        cache.answer(7, new byte[] {9});
        assertArrayEquals(new byte[] {9}, cache.reply(7).orElseThrow());
    }

    @Test
    void theOldestExchangesAreForgottenBeyondTheCapacity() {
        ReplyCache cache = new ReplyCache();
        for (int id = 0; id < ReplyCache.CAPACITY * 4; id++) {
            cache.put(id, new byte[] {(byte) id}, Optional.of(new byte[] {(byte) id}));
        }
        assertEquals(ReplyCache.CAPACITY, cache.size());
        assertFalse(cache.repeats(0, new byte[] {0}));
        int last = ReplyCache.CAPACITY * 4 - 1;
        assertTrue(cache.repeats(last, new byte[] {(byte) last}));
    }
}
