package dev.roadwarrior.ui.editor;

import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.ui.common.UiText;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A certificate or key carried in the profile, picked from a file; the view shows its name and
 * size. FX thread (tests: any one thread).
 */
public final class CertificateInput extends Field {

    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private Optional<CertificateFile> file = Optional.empty();

    /** The file's name and size, or "none". */
    public ReadOnlyStringProperty description() {
        return description.getReadOnlyProperty();
    }

    Optional<CertificateFile> file() {
        return file;
    }

    void set(Optional<CertificateFile> f) {
        file = f;
        description.set(f.map(c -> UiText.get("editor.certificate.file", c.name().isEmpty()
                ? UiText.get("editor.certificate.unnamed") : c.name(), c.size()))
                .orElse(UiText.get("editor.certificate.none")));
    }
}
