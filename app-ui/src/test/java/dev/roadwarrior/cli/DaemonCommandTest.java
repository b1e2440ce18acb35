package dev.roadwarrior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DaemonCommandTest {

    @Test
    void theServiceStartsWithoutPicocliInTheFormsItIsStartedWith() {
        DaemonCommand plain = DaemonCommand.parseDirect("daemon").orElseThrow();
        assertEquals("info", plain.logLevel);
        assertFalse(plain.blockWhileDisconnected);

        DaemonCommand both = DaemonCommand.parseDirect("daemon", "--log-level", "debug", "--block-while-disconnected")
                .orElseThrow();
        assertEquals("debug", both.logLevel);
        assertTrue(both.blockWhileDisconnected);
        assertEquals("warning", DaemonCommand.parseDirect("daemon", "--log-level=warning").orElseThrow().logLevel);
        // a bad level is the command's own error (exit 2), as through picocli
        assertEquals("loud", DaemonCommand.parseDirect("daemon", "--log-level", "loud").orElseThrow().logLevel);
    }

    @Test
    void anythingElseGoesThroughPicocli() {
        assertTrue(DaemonCommand.parseDirect().isEmpty());
        assertTrue(DaemonCommand.parseDirect("status").isEmpty());
        assertTrue(DaemonCommand.parseDirect("daemon", "--help").isEmpty());
        assertTrue(DaemonCommand.parseDirect("daemon", "--log-level").isEmpty());
        assertTrue(DaemonCommand.parseDirect("daemon", "--log-level", "-x").isEmpty());
        assertTrue(DaemonCommand.parseDirect("daemon", "--log-level=info", "--log-level=debug").isEmpty());
        assertTrue(DaemonCommand.parseDirect("daemon", "--block-while-disconnected", "--block-while-disconnected").isEmpty());
        assertTrue(DaemonCommand.parseDirect("daemon", "extra").isEmpty());
    }

    @Test
    void aBadLevelFailsAsUsageErrorWithoutStartingTheService() {
        assertEquals(RoadwarriorCommand.BAD_INPUT, Main.run("daemon", "--log-level", "loud"));
    }
}
