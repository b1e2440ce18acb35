package dev.roadwarrior.profiles.io;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileWarning;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.EntryType;
import dev.roadwarrior.profiles.model.HostNames;
import dev.roadwarrior.profiles.model.ShrewKeyword;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The lines of one {@code .vpn} file by key, with typed access that reports errors and warnings
 * with the line and key concerned.
 *
 * <p>Keys match without regard to case; each (type, key) pair is its own entry, as in Shrew. A
 * repeated {@code s:} key keeps its first value and a repeated {@code n:}/{@code b:} key its last
 * (SHREW-VPN-FORMAT §1); either way a {@link Reason#DUPLICATE_KEY} warning names the line that is
 * ignored. Every access marks the entry as used; {@link #unused()} returns the rest.
 */
final class ShrewKeys {

    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]{1,18}");
    private static final int SHOWN = 40;

    private final String source;
    private final Charset charset;
    private final List<ProfileWarning> warnings;
    private final Map<String, ShrewLine> entries = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    ShrewKeys(List<ShrewLine> lines, String source, Charset charset, List<ProfileWarning> warnings) {
        this.source = source;
        this.charset = charset;
        this.warnings = warnings;
        for (ShrewLine line : lines) {
            String id = id(line.type(), line.key());
            ShrewLine earlier = entries.get(id);
            if (earlier == null) {
                entries.put(id, line);
            } else if (line.type() == EntryType.STRING) {
                warn(Reason.DUPLICATE_KEY, line, Integer.toString(earlier.number()));
            } else {
                warn(Reason.DUPLICATE_KEY, earlier, Integer.toString(line.number()));
                entries.put(id, line);
            }
        }
    }

    /**
     * The line of that type and key, marked used. A line with the same key but another type,
     * unless listed in {@code alsoAllowed}, is a {@link Reason#WRONG_TYPE} error.
     */
    Optional<ShrewLine> take(EntryType type, String key, EntryType... alsoAllowed) throws ProfileException {
        for (EntryType other : EntryType.values()) {
            ShrewLine o = entries.get(id(other, key));
            if (other != type && o != null && !List.of(alsoAllowed).contains(other)) {
                throw error(Reason.WRONG_TYPE, o, String.valueOf(type.letter()), String.valueOf(other.letter()));
            }
        }
        String id = id(type, key);
        used.add(id);
        return Optional.ofNullable(entries.get(id));
    }

    /** A string value; empty when absent. */
    Optional<ShrewLine> string(String key) throws ProfileException {
        return take(EntryType.STRING, key);
    }

    /** A trimmed, non-empty string value. */
    Optional<String> text(String key) throws ProfileException {
        return string(key).map(l -> l.value().strip()).filter(v -> !v.isEmpty());
    }

    /** A number in {@code [min, max]}; {@code absent} when the key is missing. */
    long number(String key, long absent, long min, long max) throws ProfileException {
        Optional<ShrewLine> line = take(EntryType.NUMBER, key);
        return line.isPresent() ? parse(line.get(), min, max) : absent;
    }

    /** A number Shrew requires; when missing, {@code guiDefault} with a warning. */
    long requiredNumber(String key, long guiDefault, long min, long max) throws ProfileException {
        Optional<ShrewLine> line = take(EntryType.NUMBER, key);
        if (line.isEmpty()) {
            defaulted(key, Long.toString(guiDefault));
            return guiDefault;
        }
        return parse(line.get(), min, max);
    }

    /** The number of a line that is present. */
    Optional<Long> optionalNumber(String key, long min, long max) throws ProfileException {
        Optional<ShrewLine> line = take(EntryType.NUMBER, key);
        return line.isPresent() ? Optional.of(parse(line.get(), min, max)) : Optional.empty();
    }

    /** A 0/1 flag. */
    boolean flag(String key, boolean absent) throws ProfileException {
        return number(key, absent ? 1 : 0, 0, 1) == 1;
    }

    /** A 0/1 flag under its current name, or else under its older name. */
    boolean flag(String key, String legacyKey, boolean absent) throws ProfileException {
        Optional<Long> v = optionalNumber(key, 0, 1);
        if (v.isEmpty()) {
            v = optionalNumber(legacyKey, 0, 1);
        }
        return v.map(n -> n == 1).orElse(absent);
    }

    /** A keyword choice; {@link Reason#UNKNOWN_VALUE} when it is none of {@code values}. */
    <E> Optional<E> choice(String key, E[] values, Function<E, String> keyword) throws ProfileException {
        Optional<ShrewLine> line = string(key);
        if (line.isEmpty()) {
            return Optional.empty();
        }
        Optional<E> e = ShrewKeyword.find(values, keyword, line.get().value());
        if (e.isEmpty()) {
            throw error(Reason.UNKNOWN_VALUE, line.get(), line.get().value().strip(),
                    ShrewKeyword.list(values, keyword));
        }
        return e;
    }

    /** A keyword choice Shrew requires; when missing, {@code guiDefault} with a warning. */
    <E> E requiredChoice(String key, E[] values, Function<E, String> keyword, E guiDefault) throws ProfileException {
        Optional<E> e = choice(key, values, keyword);
        if (e.isEmpty()) {
            defaulted(key, keyword.apply(guiDefault));
        }
        return e.orElse(guiDefault);
    }

    /**
     * A binary value. Base64 (whitespace allowed) is decoded; anything else is kept as the bytes
     * of its text, as Shrew does, with a {@link Reason#NOT_BASE64} warning that shows the text
     * unless {@code secret}.
     */
    Optional<byte[]> binary(ShrewLine line, boolean secret) {
        String compact = line.value().replaceAll("\\s+", "");
        if (isBase64(compact)) {
            try {
                return Optional.of(Base64.getDecoder().decode(compact));
            } catch (IllegalArgumentException e) {
                // falls through: kept as text
            }
        }
        String shown = secret ? "(not shown)" : "\"" + shorten(line.value()) + "\"";
        warn(Reason.NOT_BASE64, line, shown);
        return Optional.of(bytes(line.value()));
    }

    /** The bytes of a text in the file's character set. */
    byte[] bytes(String text) {
        return text.getBytes(charset);
    }

    /** The items of a comma-separated list, trimmed, empty items dropped. */
    List<String> list(String key) throws ProfileException {
        Optional<ShrewLine> line = string(key);
        List<String> items = new ArrayList<>();
        if (line.isPresent()) {
            for (String item : line.get().value().split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    /** Warns when a value is a template placeholder; true if it is. */
    boolean placeholder(ShrewLine line, String value, boolean host) {
        boolean is = host ? HostNames.isPlaceholderHost(value) : HostNames.isPlaceholder(value);
        if (is) {
            warn(Reason.TEMPLATE_PLACEHOLDER, line, value.strip());
        }
        return is;
    }

    /** The lines no one asked for, in file order. */
    List<ShrewLine> unused() {
        List<ShrewLine> rest = new ArrayList<>();
        entries.forEach((id, line) -> {
            if (!used.contains(id)) {
                rest.add(line);
            }
        });
        return rest;
    }

    ProfileException error(Reason reason, ShrewLine line, String... args) {
        return new ProfileException(reason, source, line.number(), line.key(), args);
    }

    ProfileException missing(String key) {
        return new ProfileException(Reason.MISSING_REQUIRED_KEY, source, 0, key);
    }

    void warn(Reason reason, ShrewLine line, String... args) {
        warnings.add(new ProfileWarning(reason, source, line.number(), line.key(), List.of(args)));
    }

    void warn(Reason reason, String key, String... args) {
        warnings.add(new ProfileWarning(reason, source, 0, key, List.of(args)));
    }

    private void defaulted(String key, String value) {
        warn(Reason.DEFAULTED_KEY, key, value);
    }

    private long parse(ShrewLine line, long min, long max) throws ProfileException {
        String v = line.value().strip();
        if (!NUMBER.matcher(v).matches()) {
            throw error(Reason.BAD_NUMBER, line, shorten(v));
        }
        long n = Long.parseLong(v);
        if (n < min || n > max) {
            throw error(Reason.OUT_OF_RANGE, line, v, Long.toString(min), Long.toString(max));
        }
        return n;
    }

    /** Strict RFC 4648 base64 with padding, as BIND's b64_pton (Shrew's decoder) requires. */
    private static boolean isBase64(String s) {
        if (s.length() % 4 != 0) {
            return false;
        }
        int end = s.length();
        if (s.endsWith("==")) {
            end -= 2;
        } else if (s.endsWith("=")) {
            end -= 1;
        }
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String v) {
        return v.length() > SHOWN ? v.substring(0, SHOWN) + "..." : v;
    }

    private static String id(EntryType type, String key) {
        return type.letter() + ":" + key.toLowerCase(Locale.ROOT);
    }
}
