package dev.roadwarrior.engine.ike;

import static dev.roadwarrior.engine.ike.DeadPeerDetection.Action.DEAD;
import static dev.roadwarrior.engine.ike.DeadPeerDetection.Action.NONE;
import static dev.roadwarrior.engine.ike.DeadPeerDetection.Action.SEND;
import static dev.roadwarrior.engine.ike.DeadPeerDetection.Action.STARVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeadPeerDetectionTest {

    private final DeadPeerDetection dpd = new DeadPeerDetection(0, 100);

    @Test
    void trafficOutWithNothingBackWorriesAfterFiveSecondsThenGivesUpAfterFourTries() {
        dpd.esp(0, 1_000);
        assertEquals(NONE, dpd.tick(4_999));
        assertEquals(5_000, dpd.nextDeadline());
        assertEquals(SEND, dpd.tick(5_000));
        assertEquals(101, dpd.sequence());
        assertEquals(NONE, dpd.tick(6_999));
        assertEquals(SEND, dpd.tick(7_000));
        assertEquals(SEND, dpd.tick(9_000));
        assertEquals(SEND, dpd.tick(11_000));
        assertEquals(104, dpd.sequence(), "each R-U-THERE has its own sequence number");
        assertEquals(13_000, dpd.nextDeadline());
        assertEquals(DEAD, dpd.tick(13_000));
    }

    @Test
    void anAckForTheRoundEndsIt() {
        dpd.esp(0, 1_000);
        assertEquals(SEND, dpd.tick(5_000));
        assertEquals(SEND, dpd.tick(7_000));
        assertFalse(dpd.acked(100, 7_100), "not of this round");
        assertFalse(dpd.acked(103, 7_100), "not sent yet");
        assertTrue(dpd.acked(101, 7_100), "an answer to the first try still counts");
        assertEquals(NONE, dpd.tick(7_100));
        assertEquals(NONE, dpd.tick(9_000));
    }

    @Test
    void espFromTheGatewayIsASignOfLifeToo() {
        dpd.esp(0, 1_000);
        assertEquals(SEND, dpd.tick(5_000));
        dpd.esp(5_500, 5_600);
        assertEquals(NONE, dpd.tick(6_000));
        assertEquals(NONE, dpd.tick(7_000), "the round ended");
    }

    @Test
    void anIdleTunnelIsCheckedEveryFifteenSeconds() {
        assertEquals(15_000, dpd.nextDeadline(), "without traffic");
        assertEquals(NONE, dpd.tick(14_999));
        assertEquals(SEND, dpd.tick(15_000));
        assertTrue(dpd.acked(101, 15_010));
        assertEquals(NONE, dpd.tick(15_010));
        assertEquals(30_010, dpd.nextDeadline());
    }

    @Test
    void theGatewayAnsweringWhileItsEspStaysAwayMeansTheNatMoved() {
        long now = 0;
        DeadPeerDetection.Action last = NONE;
        for (int round = 0; round < DeadPeerDetection.STARVED_ROUNDS; round++) {
            dpd.esp(0, now + 1_000); // our traffic keeps going out, nothing comes back
            now = dpd.nextDeadline();
            assertEquals(SEND, dpd.tick(now));
            assertTrue(dpd.acked(dpd.sequence(), now + 10));
            last = dpd.tick(now + 10);
        }
        assertEquals(STARVED, last);
    }

    @Test
    void probeSoonStartsARoundAtOnce() {
        dpd.probeSoon(1_000);
        assertEquals(SEND, dpd.tick(1_000));
    }
}
