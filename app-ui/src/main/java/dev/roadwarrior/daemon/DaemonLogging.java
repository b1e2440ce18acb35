package dev.roadwarrior.daemon;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logging of the service: every {@code System.Logger} record at or above the chosen level goes to
 * standard error, one line each ({@code LEVEL Class: message}). Under systemd (which sets
 * {@code JOURNAL_STREAM}) each line starts with the syslog priority in angle brackets, so the
 * journal keeps the level, and without the time, which the journal adds; otherwise it starts
 * with the time. Nothing here adds secrets: the code logs none.
 */
public final class DaemonLogging {

    /** The levels the {@code --log-level} option offers. */
    public enum Threshold {
        ERROR(Level.SEVERE), WARNING(Level.WARNING), INFO(Level.INFO), DEBUG(Level.FINE);

        private final Level level;

        Threshold(Level level) {
            this.level = level;
        }
    }

    /** Held here: the logging framework keeps loggers only weakly, and with them their level. */
    private static final Logger APP = Logger.getLogger("dev.roadwarrior");

    private DaemonLogging() {
    }

    /**
     * Sends the records at {@code threshold} and above to stderr, replacing the default set-up;
     * libraries (JNA, Jackson) log at INFO and above only.
     */
    public static void install(Threshold threshold) {
        boolean journal = System.getenv("JOURNAL_STREAM") != null;
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        ConsoleHandler handler = new ConsoleHandler(); // writes to System.err, flushes every record
        handler.setLevel(threshold.level);
        handler.setFormatter(new LineFormatter(journal));
        root.setLevel(threshold == Threshold.DEBUG ? Level.INFO : threshold.level); // libraries: INFO at most
        root.addHandler(handler);
        APP.setLevel(threshold.level);
    }

    /** One line per record; a stack trace follows only for errors. Also the command line's log format. */
    public static final class LineFormatter extends Formatter {
        private final boolean journal;

        /** @param journal start with the syslog priority instead of the time (systemd's journal adds the time) */
        public LineFormatter(boolean journal) {
            this.journal = journal;
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder();
            if (journal) {
                line.append('<').append(priority(record.getLevel())).append('>');
            } else {
                line.append(Instant.ofEpochMilli(record.getMillis()).truncatedTo(ChronoUnit.MILLIS)).append(' ');
            }
            String source = record.getLoggerName() == null ? "" : record.getLoggerName();
            line.append(name(record.getLevel())).append(' ')
                    .append(source.substring(source.lastIndexOf('.') + 1)).append(": ")
                    .append(formatMessage(record));
            if (record.getThrown() != null) {
                line.append(": ").append(record.getThrown());
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    StringWriter trace = new StringWriter();
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace.toString().stripTrailing());
                }
            }
            return line.append('\n').toString();
        }

        /** The syslog priority: 3 error, 4 warning, 6 info, 7 debug. */
        private static int priority(Level level) {
            int v = level.intValue();
            return v >= Level.SEVERE.intValue() ? 3 : v >= Level.WARNING.intValue() ? 4 : v >= Level.INFO.intValue() ? 6 : 7;
        }

        private static String name(Level level) {
            int v = level.intValue();
            return v >= Level.SEVERE.intValue() ? "ERROR" : v >= Level.WARNING.intValue() ? "WARNING"
                    : v >= Level.INFO.intValue() ? "INFO" : "DEBUG";
        }
    }

    /** The threshold named {@code text} in any case. */
    public static Threshold threshold(String text) {
        return Threshold.valueOf(text.toUpperCase(Locale.ROOT));
    }
}
