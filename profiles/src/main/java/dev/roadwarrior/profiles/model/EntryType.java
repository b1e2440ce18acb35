package dev.roadwarrior.profiles.model;

import java.util.Optional;

/** The type letter of a {@code .vpn} line: {@code s:}, {@code n:} or {@code b:}. */
public enum EntryType {
    /** Text. */
    STRING('s'),
    /** A signed decimal number. */
    NUMBER('n'),
    /** Bytes, written base64-encoded. */
    BINARY('b');

    private final char letter;

    EntryType(char letter) {
        this.letter = letter;
    }

    /** The letter before the first colon. */
    public char letter() {
        return letter;
    }

    /** The type of a letter, ignoring case. */
    public static Optional<EntryType> of(char letter) {
        char c = Character.toLowerCase(letter);
        for (EntryType t : values()) {
            if (t.letter == c) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
