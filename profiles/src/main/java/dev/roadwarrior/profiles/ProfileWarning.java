package dev.roadwarrior.profiles;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something an import accepted but the user should know about: a template placeholder, a
 * defaulted key, a duplicate line. Same fields as {@link ProfileException}; the profile is still
 * stored.
 *
 * @param reason what was noticed
 * @param source the file name, if any
 * @param line the 1-based line, 0 when none
 * @param key the setting concerned, if any
 * @param args the message arguments described at the {@link Reason} constant
 */
public record ProfileWarning(Reason reason, Optional<String> source, int line, Optional<String> key,
        List<String> args) {

    public ProfileWarning {
        Objects.requireNonNull(reason, "reason");
        source = Objects.requireNonNullElse(source, Optional.empty());
        key = Objects.requireNonNullElse(key, Optional.empty());
        args = List.copyOf(args);
    }

    /** A warning; {@code source} and {@code key} may be null. */
    public ProfileWarning(Reason reason, String source, int line, String key, List<String> args) {
        this(reason, Optional.ofNullable(source), line, Optional.ofNullable(key), args);
    }

    /** The plain-words message, e.g. {@code RTK.vpn:29: network-host: ...}. */
    public String message() {
        return ProfileMessages.format(reason, source.orElse(null), line, key.orElse(null), args);
    }
}
