package dev.roadwarrior.profiles;

import java.util.List;
import java.util.Optional;

/**
 * A profile could not be imported, stored, loaded or used. The {@link Reason} says why; the source
 * (a file name), the line (1-based, 0 when none applies) and the key say where. The words for the
 * user come from {@link ProfileMessages}, which {@link #getMessage()} also uses; callers never
 * build their own text from the fields.
 *
 * <p>Arguments never contain secrets: importers pass {@code (not shown)} instead of a password.
 */
public final class ProfileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final String source;
    private final int line;
    private final String key;
    private final List<String> args;

    /**
     * @param reason why
     * @param source the file (or profile) name shown first in the message, or null
     * @param line 1-based line number, or 0
     * @param key the setting concerned, or null
     * @param args the message arguments described at each {@link Reason} constant
     */
    public ProfileException(Reason reason, String source, int line, String key, String... args) {
        this(reason, source, line, key, List.of(args), null);
    }

    private ProfileException(Reason reason, String source, int line, String key, List<String> args,
            Throwable cause) {
        super(reason.name(), cause, false, false);
        this.reason = reason;
        this.source = source;
        this.line = line;
        this.key = key;
        this.args = List.copyOf(args);
    }

    /** An error without a location, e.g. an unknown profile name. */
    public static ProfileException of(Reason reason, String... args) {
        return new ProfileException(reason, null, 0, null, args);
    }

    /** An error caused by another exception (kept for debugging, never shown to users). */
    public static ProfileException caused(Reason reason, String source, Throwable cause, String... args) {
        return new ProfileException(reason, source, 0, null, List.of(args), cause);
    }

    public Reason reason() {
        return reason;
    }

    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The 1-based line, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    public List<String> args() {
        return args;
    }

    /** The plain-words message, e.g. {@code site.vpn:3: network-host: ...}. */
    @Override
    public String getMessage() {
        return ProfileMessages.format(reason, source, line, key, args);
    }
}
