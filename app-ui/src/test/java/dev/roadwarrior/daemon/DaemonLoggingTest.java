package dev.roadwarrior.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class DaemonLoggingTest {

    @Test
    void theJournalGetsTheSyslogPriorityAndOneLinePerRecord() {
        DaemonLogging.LineFormatter journal = new DaemonLogging.LineFormatter(true);
        assertEquals("<6>INFO DaemonCore: lab: connecting to 203.0.113.2\n",
                journal.format(record(Level.INFO, "{0}: connecting to {1}", "lab", "203.0.113.2")));
        assertEquals("<4>WARNING DaemonCore: x\n", journal.format(record(Level.WARNING, "x")));
        assertEquals("<3>ERROR DaemonCore: x\n", journal.format(record(Level.SEVERE, "x")));
        assertEquals("<7>DEBUG DaemonCore: x\n", journal.format(record(Level.FINE, "x")));
    }

    @Test
    void aTerminalGetsTheTime() {
        String line = new DaemonLogging.LineFormatter(false).format(record(Level.INFO, "x"));
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z INFO DaemonCore: x\n"), line);
    }

    @Test
    void levelsAreNamedInAnyCase() {
        assertEquals(DaemonLogging.Threshold.DEBUG, DaemonLogging.threshold("debug"));
        assertThrows(IllegalArgumentException.class, () -> DaemonLogging.threshold("verbose"));
    }

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("dev.roadwarrior.daemon.DaemonCore");
        r.setParameters(parameters);
        return r;
    }
}
