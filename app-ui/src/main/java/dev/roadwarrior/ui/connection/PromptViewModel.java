package dev.roadwarrior.ui.connection;

import dev.roadwarrior.connect.ErrorMessages;
import dev.roadwarrior.connect.Prompt;
import dev.roadwarrior.connect.PromptAnswer;
import dev.roadwarrior.connect.PromptField;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One prompt as the prompt dialog shows it: a text per field (pre-filled where the value is
 * known), the "save password" choice where it may be offered, the words around it, and the
 * answer it makes.
 *
 * <p>Threading: UI thread.
 */
public final class PromptViewModel {

    private final Prompt prompt;
    private final Map<PromptField, StringProperty> values = new LinkedHashMap<>();
    private final BooleanProperty savePassword = new SimpleBooleanProperty(this, "savePassword", false);

    public PromptViewModel(Prompt prompt) {
        this.prompt = prompt;
        for (PromptField f : prompt.fields()) {
            values.put(f, new SimpleStringProperty(this, f.name(), prompt.known().getOrDefault(f, "")));
        }
    }

    /** The prompt. */
    public Prompt prompt() {
        return prompt;
    }

    /** The dialog's title, e.g. "Roadwarrior: office". */
    public String title() {
        return StatusFormat.format("prompt.title", prompt.profile());
    }

    /** Why the user is asked and the gateway's words, one per line. */
    public String text() {
        return ErrorMessages.promptText(prompt);
    }

    /** The value of {@code field} as typed. */
    public StringProperty value(PromptField field) {
        return values.get(field);
    }

    /** Whether to offer "save password": the gateway did not refuse it and a password is asked. */
    public boolean offersSavePassword() {
        return prompt.offerSavePassword() && prompt.fields().contains(PromptField.PASSWORD);
    }

    /** The user's "save password" choice. */
    public BooleanProperty savePasswordProperty() {
        return savePassword;
    }

    /** The first field without a value, where the keyboard focus goes; the first field when all have one. */
    public PromptField firstEmptyField() {
        return prompt.fields().stream().filter(f -> values.get(f).get().isEmpty()).findFirst()
                .orElse(prompt.fields().get(0));
    }

    /** The answer from what was typed; the typed secrets are cleared from the fields. */
    public PromptAnswer answer() {
        Map<PromptField, char[]> out = new EnumMap<>(PromptField.class);
        values.forEach((f, v) -> {
            out.put(f, v.get().toCharArray());
            if (f.secret()) {
                v.set("");
            }
        });
        return new PromptAnswer(out, offersSavePassword() && savePassword.get());
    }

    /** The label of {@code field}. */
    public static String label(PromptField field) {
        return field.label();
    }

    /** No answer: the connect is cancelled. */
    public Optional<PromptAnswer> cancelled() {
        values.forEach((f, v) -> {
            if (f.secret()) {
                v.set("");
            }
        });
        return Optional.empty();
    }
}
