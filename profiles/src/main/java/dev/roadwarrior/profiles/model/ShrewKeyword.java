package dev.roadwarrior.profiles.model;

import java.util.Locale;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/** A choice with a fixed spelling in Shrew Soft {@code .vpn} files, e.g. {@code mutual-psk-xauth}. */
public interface ShrewKeyword {

    /** The exact text Shrew writes for this choice. */
    String keyword();

    /**
     * Finds the constant whose keyword equals {@code text}, ignoring case and surrounding spaces.
     *
     * @param values all constants
     * @param keyword how each constant is spelled in the file
     */
    static <E> Optional<E> find(E[] values, Function<E, String> keyword, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (keyword.apply(e).equals(t)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The keywords joined with {@code ", "}, for messages. */
    static <E> String list(E[] values, Function<E, String> keyword) {
        StringJoiner j = new StringJoiner(", ");
        for (E e : values) {
            j.add(keyword.apply(e));
        }
        return j.toString();
    }
}
