package dev.roadwarrior.engine.ike;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which SA answers a Quick Mode the gateway starts. */
class IkeSaStateTest {

    /**
     * Soak finding: after a phase 1 renewal strongSwan adopted the old SA's pair and renewed it with
     * a Quick Mode on the new SA before answering our Mode Config request ("queue full"); the new SA
     * did not carry the tunnel yet and left it unanswered, so neither exchange went on and the
     * renewal failed 30 s later (a 39.6 s outage).
     */
    @Test
    void aNewSaInModeConfigAnswersTheGatewaysQuickModeAndAnSaBeingDeletedDoesNot() {
        assertTrue(IkeSaState.MODE_CONFIG.answersGatewayQuickMode());
        assertFalse(IkeSaState.MODE_CONFIG.carriesTunnel(), "though it starts none of its own");
        assertTrue(IkeSaState.QUICK_MODE.answersGatewayQuickMode());
        assertTrue(IkeSaState.ESTABLISHED.answersGatewayQuickMode());
        assertTrue(IkeSaState.REKEYING.answersGatewayQuickMode());
        assertFalse(IkeSaState.DELETING.answersGatewayQuickMode(), "a pair on it would vanish with it");
        assertFalse(IkeSaState.DESTROYED.answersGatewayQuickMode());
    }
}
