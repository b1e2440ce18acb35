package dev.roadwarrior.engine.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayWindowTest {

    private static boolean accept(ReplayWindow w, long seq) {
        if (!w.check(seq)) {
            return false;
        }
        w.update(seq);
        return true;
    }

    @Test
    void zeroIsNeverAccepted() {
        ReplayWindow w = new ReplayWindow(64);
        assertFalse(w.check(0));
        assertTrue(accept(w, 1));
        assertFalse(w.check(0));
    }

    @Test
    void duplicatesAreRefused() {
        ReplayWindow w = new ReplayWindow(64);
        assertTrue(accept(w, 1));
        assertTrue(accept(w, 3));
        assertFalse(w.check(1));
        assertFalse(w.check(3));
        assertTrue(accept(w, 2)); // out of order but new
        assertFalse(w.check(2));
        assertEquals(3, w.highest());
    }

    @Test
    void checkAloneDoesNotRecord() {
        ReplayWindow w = new ReplayWindow(64);
        assertTrue(w.check(5));
        assertTrue(w.check(5));
        assertEquals(0, w.highest());
    }

    @Test
    void windowEdgeIsExact() {
        for (int size : new int[] {64, 128, 1024}) {
            ReplayWindow w = new ReplayWindow(size);
            assertTrue(accept(w, 5000));
            assertTrue(w.check(5000 - size + 1), "oldest number inside the window");
            assertFalse(w.check(5000 - size), "first number left of the window");
            assertTrue(accept(w, 5000 - size + 1));
            assertFalse(w.check(5000 - size + 1));
        }
    }

    @Test
    void farAheadJumpClearsTheWholeWindow() {
        ReplayWindow w = new ReplayWindow(1024);
        for (long s = 1; s <= 1024; s++) {
            assertTrue(accept(w, s));
        }
        assertTrue(accept(w, 1_000_000));
        assertFalse(w.check(1024), "now far left of the window");
        assertTrue(w.check(1_000_000 - 1023), "inside the window and never seen");
        assertTrue(w.check(999_999));
        assertFalse(w.check(1_000_000));
    }

    @Test
    void slideKeepsBitsThatStayInside() {
        ReplayWindow w = new ReplayWindow(128);
        assertTrue(accept(w, 100));
        assertTrue(accept(w, 150));
        assertTrue(accept(w, 200)); // window now 73..200: 100 and 150 still remembered
        assertFalse(w.check(100));
        assertFalse(w.check(150));
        assertTrue(w.check(101));
        assertTrue(accept(w, 228)); // window 101..228: 100 falls out
        assertFalse(w.check(100));
        assertFalse(w.check(150));
        assertTrue(w.check(101));
    }

    @Test
    void lastSequenceNumberBeforeWrap() {
        ReplayWindow w = new ReplayWindow(1024);
        long max = EspSa.MAX_SEQUENCE;
        assertTrue(accept(w, max - 1));
        assertTrue(accept(w, max));
        assertFalse(w.check(max));
        assertFalse(w.check(max - 1));
        assertTrue(w.check(max - 2));
        assertFalse(w.check(max - 1024), "left of the window");
        assertFalse(w.check(1), "no wrap to small numbers");
        assertEquals(max, w.highest());
    }

    @Test
    void agreesWithASimpleModel() {
        Random random = new Random(4303);
        for (int size : new int[] {64, 192, 1024}) {
            ReplayWindow w = new ReplayWindow(size);
            Set<Long> seen = new HashSet<>();
            long top = 0;
            for (int i = 0; i < 50_000; i++) {
                long seq = Math.max(0, top + random.nextInt(3 * size) - 2 * size + random.nextInt(3) * random.nextInt(200));
                boolean expected = seq != 0 && (seq > top || top - seq < size && !seen.contains(seq));
                assertEquals(expected, w.check(seq), "size " + size + " seq " + seq + " top " + top);
                if (expected && random.nextInt(10) > 0) { // sometimes the ICV fails: no update
                    w.update(seq);
                    seen.add(seq);
                    top = Math.max(top, seq);
                }
            }
        }
    }

    @Test
    void sizeMustBeAMultipleOf64() {
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(100));
        assertThrows(IllegalArgumentException.class, () -> new ReplayWindow(0));
    }
}
