package dev.roadwarrior.engine.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LifetimesTest {

    @Test
    void rekeysATenthBeforeTheEndWithJitterButAtLeastThreeSecondsBefore() {
        Random random = new Random(11);
        for (int i = 0; i < 100; i++) {
            long hour = Lifetimes.rekeyAfterMillis(3600, random);
            assertTrue(hour >= 3_600_000 - 360_000 - 180_000 && hour <= 3_600_000 - 360_000, "1 h: " + hour);
            long short25 = Lifetimes.rekeyAfterMillis(25, random);
            assertTrue(short25 >= 25_000 - 3_000 - 1_250 && short25 <= 22_000, "25 s: " + short25);
        }
    }

    @Test
    void veryShortLifetimesRekeyAtHalfTime() {
        assertEquals(2_000, Lifetimes.rekeyAfterMillis(4, new Random(1)));
    }

    @Test
    void noLifetimeMeansNoRekey() {
        assertEquals(Long.MAX_VALUE, Lifetimes.rekeyAfterMillis(0, new Random(1)));
        assertEquals(Long.MAX_VALUE, Lifetimes.rekeyAfterBytes(0));
    }

    @Test
    void byteLifetimesAreRenewedAtNinetyPercent() {
        assertEquals(921_600, Lifetimes.rekeyAfterBytes(1000));
    }

    @Test
    void theShorterLifetimeWinsAndZeroMeansNone() {
        assertEquals(70, Lifetimes.shorter(70, 86_400));
        assertEquals(70, Lifetimes.shorter(0, 70));
        assertEquals(70, Lifetimes.shorter(70, 0));
        assertEquals(0, Lifetimes.shorter(0, 0));
    }
}
