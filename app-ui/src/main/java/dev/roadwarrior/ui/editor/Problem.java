package dev.roadwarrior.ui.editor;

import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.ui.common.UiText;
import java.util.List;
import java.util.Optional;

/**
 * What is wrong with a field: the importer's typed {@link Reason} and its arguments, turned into
 * words by {@link UiText#reason}.
 *
 * @param reason why
 * @param args the reason's message arguments
 */
public record Problem(Reason reason, List<String> args) {

    public Problem {
        args = List.copyOf(args);
    }

    /** A problem as the optional result of a check. */
    public static Optional<Problem> of(Reason reason, String... args) {
        return Optional.of(new Problem(reason, List.of(args)));
    }

    /** The words shown under the field. */
    public String text() {
        return UiText.reason(reason, args);
    }
}
