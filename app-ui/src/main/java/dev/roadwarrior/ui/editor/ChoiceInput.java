package dev.roadwarrior.ui.editor;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * A choice among fixed options (an enum of the profile model, a DH group number), with the words
 * the view shows for each option. FX thread (tests: any one thread).
 *
 * @param <T> the option type
 */
public final class ChoiceInput<T> {

    private final List<T> options;
    private final Function<T, String> label;
    private final ObjectProperty<T> value;

    ChoiceInput(List<T> options, Function<T, String> label) {
        this.options = List.copyOf(options);
        this.label = label;
        this.value = new SimpleObjectProperty<>(options.get(0));
    }

    public List<T> options() {
        return options;
    }

    /** The words for an option. */
    public String label(T option) {
        return option == null ? "" : label.apply(option);
    }

    public ObjectProperty<T> value() {
        return value;
    }

    T get() {
        return value.get();
    }

    void set(T v) {
        value.set(v);
    }
}
