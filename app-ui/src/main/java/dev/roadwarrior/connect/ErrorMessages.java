package dev.roadwarrior.connect;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.api.WarningReason;
import dev.roadwarrior.ipc.ServiceException;
import dev.roadwarrior.profiles.ProfileException;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.StringJoiner;

/**
 * The one place that turns typed reasons into the sentences users read, in the CLI and the
 * desktop app alike: engine failures and warnings ({@link ConnectException}), failures to reach
 * or use the service ({@link ServiceException}), profile problems ({@link ProfileException},
 * whose words live with the profiles), progress steps and prompt texts. The words are in
 * {@code dev/roadwarrior/connect/messages.properties}.
 *
 * <p>Threading: stateless; any thread.
 */
public final class ErrorMessages {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.roadwarrior.connect.messages");

    private ErrorMessages() {
    }

    /** A failure as a sentence, followed by its technical detail in parentheses. */
    public static String failure(ConnectException e) {
        String sentence = TEXT.getString("failure." + e.reason().name());
        return e.detail().isEmpty() ? sentence : sentence + " (" + e.detail() + ")";
    }

    /** A failure to reach or use the service as a sentence, followed by the service's message or technical detail in parentheses. */
    public static String describe(ServiceException e) {
        String key = e.reason() == ServiceException.Reason.REFUSED && e.errorCode().isPresent()
                ? "error." + e.errorCode().get().name() : "service." + e.reason().name();
        String sentence = MessageFormat.format(TEXT.getString(key), System.getProperty("user.name"));
        return e.detail().isEmpty() ? sentence : sentence + " (" + e.detail() + ")";
    }

    /** A profile problem as a sentence (naming the file, line and key where known). */
    public static String describe(ProfileException e) {
        return e.getMessage();
    }

    /**
     * Whatever ended a connect, as a sentence: the typed exceptions above, also as the cause of
     * another; an engine that refuses a second connection; else the exception's own message.
     */
    public static String describe(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException e) {
                return failure(e);
            } else if (c instanceof ServiceException e) {
                return describe(e);
            } else if (c instanceof ProfileException e) {
                return describe(e);
            }
        }
        if (t instanceof IllegalStateException) {
            return text("connect.busy");
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** A warning as a sentence, followed by its technical detail in parentheses. */
    public static String warning(WarningReason reason, String detail) {
        String sentence = TEXT.getString("warning." + reason.name());
        return detail.isEmpty() ? sentence : sentence + " (" + detail + ")";
    }

    /** The label of a prompt field, e.g. "Passcode". */
    public static String promptLabel(CredentialKind kind) {
        return PromptField.of(kind).label();
    }

    /** Why the gateway asks the fields of {@code prompt}, in one sentence. */
    public static String promptIntro(EngineEvent.CredentialsRequired prompt) {
        return TEXT.getString(prompt.repeated() ? "prompt.repeated" : "prompt.intro");
    }

    /** The gateway's message in words ("The gateway says: ..."), or empty. */
    public static String gatewayMessage(Prompt prompt) {
        return prompt.message().isEmpty() ? "" : MessageFormat.format(TEXT.getString("prompt.message"), prompt.message());
    }

    /** The gateway's challenge in words ("Challenge: ..."), or empty. */
    public static String challenge(Prompt prompt) {
        return prompt.challenge().isEmpty() ? "" : MessageFormat.format(TEXT.getString("prompt.challenge"),
                prompt.challenge());
    }

    /** Everything to tell the user before asking the fields of {@code prompt}: why, and the gateway's words, one per line. */
    public static String promptText(Prompt prompt) {
        StringJoiner lines = new StringJoiner("\n");
        for (String line : new String[] {prompt.intro(), gatewayMessage(prompt), challenge(prompt)}) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines.toString();
    }

    /** Why a prompt cannot be answered without a terminal. */
    public static String noTerminal(Prompt prompt) {
        StringJoiner fields = new StringJoiner(", ");
        prompt.fields().forEach(f -> fields.add(f.label()));
        return MessageFormat.format(TEXT.getString("prompt.noTerminal"), fields.toString())
                + (prompt.message().isEmpty() ? "" : " (" + prompt.message() + ")");
    }

    /** A fixed sentence by its key, e.g. {@code password.saved}. */
    public static String text(String key) {
        return TEXT.getString(key);
    }

    /** A sentence by its key with its {0}, {1}... filled in. */
    public static String format(String key, Object... args) {
        return MessageFormat.format(TEXT.getString(key), args);
    }

    /** A progress step in words, with its detail. */
    public static String progress(ProgressStep step, String detail) {
        String words = TEXT.getString("progress." + step.name());
        return detail.isEmpty() ? words : words + ": " + detail;
    }
}
