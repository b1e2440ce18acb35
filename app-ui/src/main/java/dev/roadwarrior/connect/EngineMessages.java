package dev.roadwarrior.connect;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ProgressStep;
import java.util.ResourceBundle;

/** The one place that turns engine failures and progress steps into words for the user. */
public final class EngineMessages {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.roadwarrior.connect.messages");

    private EngineMessages() {
    }

    /** A failure as a sentence, followed by its technical detail in parentheses. */
    public static String failure(ConnectException e) {
        String sentence = TEXT.getString("failure." + e.reason().name());
        return e.detail().isEmpty() ? sentence : sentence + " (" + e.detail() + ")";
    }

    /** A progress step in words, with its detail. */
    public static String progress(ProgressStep step, String detail) {
        String words = TEXT.getString("progress." + step.name());
        return detail.isEmpty() ? words : words + ": " + detail;
    }
}
