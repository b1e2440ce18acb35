package dev.roadwarrior.ui.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * One log record as the log view shows it.
 *
 * @param time when it was logged
 * @param level its level
 * @param logger the logger's (class) name
 * @param message the formatted message, with the exception's one-line summary if any
 */
public record LogEntry(Instant time, LogLevel level, String logger, String message) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    public LogEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        logger = Objects.requireNonNullElse(logger, "");
        message = Objects.requireNonNullElse(message, "");
    }

    /** One line: time, level, short logger name, message. */
    public String line(ZoneId zone) {
        String shortLogger = logger.substring(logger.lastIndexOf('.') + 1);
        return TIME.format(time.atZone(zone)) + " " + level + " " + shortLogger + ": " + message;
    }
}
