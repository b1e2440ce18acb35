package dev.roadwarrior.profiles.model;

import java.util.Objects;

/**
 * A {@code .vpn} line this program does not know, kept so that export writes it back unchanged.
 *
 * @param type the line type
 * @param key the key as written (its case is kept)
 * @param value the value; for {@link EntryType#BINARY} the base64 text (a value that was not
 *     base64 is stored base64-encoded, so export writes valid base64)
 */
public record ShrewEntry(EntryType type, String key, String value) {

    public ShrewEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isEmpty() || key.indexOf(':') >= 0 || key.indexOf('\n') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("not a valid .vpn entry: " + key);
        }
    }
}
