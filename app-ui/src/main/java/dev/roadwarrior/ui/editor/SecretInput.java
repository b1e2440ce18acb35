package dev.roadwarrior.ui.editor;

import dev.roadwarrior.profiles.secrets.Secret;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A secret of the profile (group password, key passphrase, saved XAuth password): shown as dots
 * unless {@link #revealed()}, saved to the secret store, never into the profile. A stored value
 * that is not text (a group password may be any bytes) is kept as it is until the user types a new
 * one. FX thread (tests: any one thread).
 */
public final class SecretInput extends Field {

    private final StringProperty text = new SimpleStringProperty("");
    private final BooleanProperty revealed = new SimpleBooleanProperty(false);
    private Optional<Secret> stored = Optional.empty();
    private String storedText = "";

    /** The typed value. */
    public StringProperty text() {
        return text;
    }

    /** True while the value is shown in clear. */
    public BooleanProperty revealed() {
        return revealed;
    }

    /** True when a stored value that cannot be shown (not text) is kept. */
    boolean keepsBinaryValue() {
        return stored.isPresent() && stored.get().text().isEmpty() && text.get().isEmpty();
    }

    void load(Optional<Secret> secret) {
        stored = secret;
        storedText = secret.flatMap(Secret::text).orElse("");
        text.set(storedText);
        revealed.set(false);
    }

    /** The value to store: the stored one while unchanged, else the typed text; empty to remove it. */
    Optional<Secret> value() {
        if (keepsBinaryValue() || (stored.isPresent() && text.get().equals(storedText))) {
            return stored;
        }
        return text.get().isEmpty() ? Optional.empty() : Optional.of(Secret.ofText(text.get()));
    }

    /** Whether there is a value (typed or kept). */
    boolean present() {
        return value().isPresent();
    }
}
