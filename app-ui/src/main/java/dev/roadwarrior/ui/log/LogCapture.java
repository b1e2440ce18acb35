package dev.roadwarrior.ui.log;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Feeds the app's log records (java.util.logging, which System.Logger and slf4j-jdk14 write to)
 * to the log view. Records carry no secrets: the code never logs them.
 *
 * <p>Threading: {@link #publish} is called on whatever thread logs; the consumer must hand the
 * entry on (the log view model does, through its bridge).
 */
public final class LogCapture extends Handler {

    private final Consumer<LogEntry> sink;
    private final SimpleFormatter formatter = new SimpleFormatter();

    public LogCapture(Consumer<LogEntry> sink) {
        this.sink = sink;
    }

    /** Installs a capture on the root logger; returns it so that it can be removed with {@link #remove()}. */
    public static LogCapture install(Consumer<LogEntry> sink) {
        LogCapture capture = new LogCapture(sink);
        capture.setLevel(java.util.logging.Level.ALL);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** Removes this capture from the root logger. */
    public void remove() {
        Logger.getLogger("").removeHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String message = formatter.formatMessage(record);
        if (record.getThrown() != null) {
            message = message + " (" + record.getThrown() + ")";
        }
        sink.accept(new LogEntry(Instant.ofEpochMilli(record.getMillis()), LogLevel.of(record.getLevel()),
                record.getLoggerName(), message));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        remove();
    }
}
