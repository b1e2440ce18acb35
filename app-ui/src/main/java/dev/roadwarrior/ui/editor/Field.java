package dev.roadwarrior.ui.editor;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The validation part of an editor field: a check run on demand, its result as words for the view
 * ({@link #error()}, empty when the value is fine). The editor re-runs every check after any change,
 * because some depend on other fields (a static address is needed only for some adapter modes).
 *
 * <p>Threading: FX thread (tests: any one thread).
 */
public class Field {

    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private Supplier<Optional<Problem>> check = Optional::empty;

    /** Sets the check; returns this field. */
    void check(Supplier<Optional<Problem>> check) {
        this.check = check;
    }

    /** Runs the check and updates {@link #error()}; true when the value is fine. */
    boolean validate() {
        Optional<Problem> p = check.get();
        error.set(p.map(Problem::text).orElse(""));
        return p.isEmpty();
    }

    /** The problem in words, empty when there is none. */
    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
