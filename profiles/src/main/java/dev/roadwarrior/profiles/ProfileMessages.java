package dev.roadwarrior.profiles;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The one place that turns a {@link Reason} into words, from {@code messages.properties} in this
 * package. The result reads {@code source:line: key: text}; parts that are unknown are left out.
 */
public final class ProfileMessages {

    private static final String BUNDLE = "dev.roadwarrior.profiles.messages";

    private ProfileMessages() {
    }

    /** The bare text for a reason, without location. */
    public static String text(Reason reason, List<String> args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
        MessageFormat f = new MessageFormat(bundle.getString(reason.name()), Locale.ROOT);
        return f.format(args.toArray());
    }

    static String format(Reason reason, String source, int line, String key, List<String> args) {
        StringBuilder b = new StringBuilder();
        if (source != null) {
            b.append(source);
            if (line > 0) {
                b.append(':').append(line);
            }
            b.append(": ");
        } else if (line > 0) {
            b.append("line ").append(line).append(": ");
        }
        if (key != null) {
            b.append(key).append(": ");
        }
        return b.append(text(reason, args)).toString();
    }
}
