package dev.roadwarrior.ui.log;

import java.util.logging.Level;

/** The levels the log view filters by, least severe first. */
public enum LogLevel {
    DEBUG, INFO, WARNING, ERROR;

    /** The level of a java.util.logging record (FINE and below are DEBUG). */
    public static LogLevel of(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return ERROR;
        } else if (v >= Level.WARNING.intValue()) {
            return WARNING;
        } else if (v >= Level.INFO.intValue()) {
            return INFO;
        }
        return DEBUG;
    }
}
