package dev.roadwarrior.connect;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.api.WarningReason;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.StringJoiner;

/**
 * The one place that turns engine failures, warnings, prompts and progress steps into words for
 * the user.
 */
public final class EngineMessages {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.roadwarrior.connect.messages");

    private EngineMessages() {
    }

    /** A failure as a sentence, followed by its technical detail in parentheses. */
    public static String failure(ConnectException e) {
        String sentence = TEXT.getString("failure." + e.reason().name());
        return e.detail().isEmpty() ? sentence : sentence + " (" + e.detail() + ")";
    }

    /** A warning as a sentence, followed by its technical detail in parentheses. */
    public static String warning(WarningReason reason, String detail) {
        String sentence = TEXT.getString("warning." + reason.name());
        return detail.isEmpty() ? sentence : sentence + " (" + detail + ")";
    }

    /** The label of a prompt field, e.g. "Passcode". */
    public static String promptLabel(CredentialKind kind) {
        return TEXT.getString("prompt." + kind.name());
    }

    /** What to tell the user before asking the fields of {@code prompt}: why, and the gateway's words. */
    public static String promptIntro(EngineEvent.CredentialsRequired prompt) {
        StringBuilder s = new StringBuilder(TEXT.getString(prompt.repeated() ? "prompt.repeated" : "prompt.intro"));
        if (!prompt.message().isEmpty()) {
            s.append('\n').append(MessageFormat.format(TEXT.getString("prompt.message"), prompt.message()));
        }
        if (!prompt.challenge().isEmpty()) {
            s.append('\n').append(MessageFormat.format(TEXT.getString("prompt.challenge"), prompt.challenge()));
        }
        return s.toString();
    }

    /** Why a prompt cannot be answered without a terminal. */
    public static String noTerminal(EngineEvent.CredentialsRequired prompt) {
        StringJoiner fields = new StringJoiner(", ");
        prompt.fields().forEach(k -> fields.add(promptLabel(k)));
        return MessageFormat.format(TEXT.getString("prompt.noTerminal"), fields.toString())
                + (prompt.message().isEmpty() ? "" : " (" + prompt.message() + ")");
    }

    /** A fixed sentence by its key, e.g. {@code password.saved}. */
    public static String text(String key) {
        return TEXT.getString(key);
    }

    /** A progress step in words, with its detail. */
    public static String progress(ProgressStep step, String detail) {
        String words = TEXT.getString("progress." + step.name());
        return detail.isEmpty() ? words : words + ": " + detail;
    }
}
