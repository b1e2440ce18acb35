package dev.roadwarrior.ui.common;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileMessages;
import dev.roadwarrior.profiles.ProfileWarning;
import dev.roadwarrior.profiles.Reason;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one place where the desktop app turns keys and typed reasons into words, from
 * {@code dev/roadwarrior/ui/messages.properties}. A profile {@link Reason} uses the importer's words
 * ({@link ProfileMessages}) unless the bundle has a {@code reason.NAME} entry worded for the app
 * (the importer's text for a name clash, for instance, points at the CLI's {@code --name}).
 *
 * <p>Stateless and thread-safe.
 */
public final class UiText {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.roadwarrior.ui.messages");

    private UiText() {
    }

    /** The text of {@code key}, formatted with {@code args} (MessageFormat). */
    public static String get(String key, Object... args) {
        String pattern = TEXT.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** The text of {@code key} if the bundle has it. */
    public static boolean has(String key) {
        return TEXT.containsKey(key);
    }

    /** A profile reason in words, without location: what a field shows under itself. */
    public static String reason(Reason reason, List<String> args) {
        String key = "reason." + reason.name();
        if (TEXT.containsKey(key)) {
            return get(key, args.toArray());
        }
        String text = ProfileMessages.text(reason, args);
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A failed profile operation in words: the reason's text, with the setting it concerns. */
    public static String failure(ProfileException e) {
        String text = reason(e.reason(), e.args());
        return e.key().map(k -> k + ": " + text).orElse(text);
    }

    /** An import warning in words, with the line and setting it concerns. */
    public static String warning(ProfileWarning w) {
        StringBuilder b = new StringBuilder();
        if (w.line() > 0) {
            b.append(get("warning.line", w.line())).append(' ');
        }
        w.key().ifPresent(k -> b.append(k).append(": "));
        return b.append(reason(w.reason(), w.args())).toString();
    }

    /** The label of an enum constant, {@code <Enum>.<CONSTANT>}, or the constant's name. */
    public static String label(Enum<?> value) {
        String key = value.getDeclaringClass().getSimpleName() + "." + value.name();
        try {
            return TEXT.getString(key);
        } catch (MissingResourceException e) {
            return value.name();
        }
    }
}
