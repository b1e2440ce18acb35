package dev.roadwarrior.engine.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    @Test
    void theFirstAttemptFollowsAtOnceThenTheWaitDoublesUpToTheCap() {
        ReconnectPolicy policy = ReconnectPolicy.DEFAULT;
        Random random = new Random(3);
        assertEquals(0, policy.delayMillis(0, random));
        long[] bases = {1_000, 2_000, 4_000, 8_000, 8_000, 8_000};
        for (int i = 0; i < bases.length; i++) {
            long delay = policy.delayMillis(i + 1, random);
            assertTrue(delay <= bases[i] && delay >= bases[i] * 0.8, "attempt " + (i + 1) + ": " + delay);
        }
        assertTrue(policy.delayMillis(Integer.MAX_VALUE, random) <= 8_000, "no overflow");
    }

    @Test
    void jitterSpreadsClientsApart() {
        Random random = new Random(5);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 200; i++) {
            long d = ReconnectPolicy.DEFAULT.delayMillis(6, random);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertTrue(max - min > 1_000, "spread " + min + ".." + max);
    }
}
