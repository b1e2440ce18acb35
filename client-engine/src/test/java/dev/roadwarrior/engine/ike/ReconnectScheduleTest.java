package dev.roadwarrior.engine.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.FailureReason;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** When the client tries again, and whether. */
class ReconnectScheduleTest {

    private final ReconnectSchedule schedule = new ReconnectSchedule(ReconnectPolicy.DEFAULT, new Random(1));

    @Test
    void aFirstConnectThatNeverReachedTheGatewayIsNotRetried() {
        assertFalse(schedule.worthRetrying(FailureReason.GATEWAY_UNREACHABLE, false));
    }

    @Test
    void aFirstConnectThatReachedTheGatewayGetsThreeAttemptsInAll() {
        schedule.reached();
        for (int attempt = 1; attempt < ReconnectSchedule.FIRST_CONNECT_ATTEMPTS; attempt++) {
            assertTrue(schedule.worthRetrying(FailureReason.GATEWAY_UNREACHABLE, false), "attempt " + attempt);
            schedule.scheduleRetry(0, false);
        }
        assertFalse(schedule.worthRetrying(FailureReason.GATEWAY_UNREACHABLE, false));
    }

    @Test
    void aTunnelThatWorkedIsRetriedForAsLongAsItTakesButNotForAWrongPassword() {
        for (int attempt = 0; attempt < 20; attempt++) {
            assertTrue(schedule.worthRetrying(FailureReason.PEER_DEAD, true));
            schedule.scheduleRetry(0, false);
        }
        assertFalse(schedule.worthRetrying(FailureReason.WRONG_USER_PASSWORD, true));
        assertTrue(schedule.worthRetrying(FailureReason.XAUTH_NOT_STARTED, true), "a restarting gateway");
        assertFalse(ReconnectSchedule.retryable(FailureReason.XAUTH_NOT_STARTED, false), "another auth method");
    }

    @Test
    void aGatewayThatWorkedAndNowRefusesTheProposalsGetsAFewAttemptsAsItMayBeRestarting() {
        assertFalse(schedule.worthRetrying(FailureReason.NO_PROPOSAL_CHOSEN, false), "a first connect: other proposals");
        for (int refusal = 1; refusal <= ReconnectSchedule.PROPOSAL_REFUSALS_RETRIED; refusal++) {
            assertTrue(schedule.worthRetrying(FailureReason.NO_PROPOSAL_CHOSEN, true), "refusal " + refusal);
            schedule.scheduleRetry(0, false);
        }
        assertFalse(schedule.worthRetrying(FailureReason.NO_PROPOSAL_CHOSEN, true), "its configuration changed");
        schedule.tunnelUp(0, 0, 0);
        assertTrue(schedule.worthRetrying(FailureReason.NO_PROPOSAL_CHOSEN, true), "counted again once back up");
    }

    @Test
    void theFirstRetryIsImmediateAndCancelsThePlannedRekey() {
        schedule.tunnelUp(0, 3_600, 0);
        assertTrue(schedule.rekeyAt() < 3_600_000, "rekey before the lifetime ends: " + schedule.rekeyAt());
        assertEquals(0, schedule.scheduleRetry(5_000, false));
        assertTrue(schedule.retryDue(5_000));
        assertFalse(schedule.retryDue(5_000), "once");
        assertEquals(Long.MAX_VALUE, schedule.rekeyAt());
    }

    @Test
    void afterAnAttemptThatWentUnansweredTheNextFollowsAtOnceAndLaterOnesBackOffAgain() {
        for (int attempt = 0; attempt < 6; attempt++) {
            schedule.scheduleRetry(0, false);
        }
        assertEquals(0, schedule.scheduleRetry(40_000, true), "the retransmissions were the wait");
        assertTrue(schedule.retryDue(40_000));
        assertTrue(schedule.scheduleRetry(80_000, false) >= 6_400, "a quick refusal still waits");
    }

    @Test
    void aFailedRekeyIsTriedAgainAfterAtLeastASecond() {
        schedule.rekeyFailed(10_000);
        assertTrue(schedule.rekeyAt() >= 11_000, String.valueOf(schedule.rekeyAt()));
        assertFalse(schedule.rekeyDue(schedule.rekeyAt() - 1));
        assertTrue(schedule.rekeyDue(schedule.rekeyAt()));
    }

    @Test
    void aStarvedTunnelIsRestartedAtOnceThenAtMostOncePerPeriod() {
        long start = 5_000;
        assertTrue(schedule.starvedRestartAllowed(start), "the first starved tunnel restarts");
        assertFalse(schedule.starvedRestartAllowed(start + ReconnectSchedule.STARVED_RESTART_MILLIS - 1));
        assertTrue(schedule.starvedRestartAllowed(start + ReconnectSchedule.STARVED_RESTART_MILLIS));
        assertFalse(schedule.starvedRestartAllowed(start + ReconnectSchedule.STARVED_RESTART_MILLIS + 1));
    }
}
