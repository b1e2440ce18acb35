package dev.roadwarrior.ui.editor;

import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A text field of the editor with its check on the text. FX thread (tests: any one thread). */
public final class TextInput extends Field {

    private final StringProperty text = new SimpleStringProperty("");

    TextInput() {
    }

    TextInput(Function<String, Optional<Problem>> check) {
        check(() -> check.apply(text.get().trim()));
    }

    /** The text, as typed. */
    public StringProperty text() {
        return text;
    }

    /** The text without surrounding spaces. */
    String value() {
        return text.get().trim();
    }

    /** The text as an optional value: empty when blank. */
    Optional<String> optional() {
        return Optional.of(value()).filter(s -> !s.isEmpty());
    }

    void set(Object value) {
        text.set(String.valueOf(value));
    }
}
