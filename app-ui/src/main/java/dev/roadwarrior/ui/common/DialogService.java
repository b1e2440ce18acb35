package dev.roadwarrior.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The dialogs a ViewModel may open: questions, messages, file choosers. ViewModels get one in their
 * constructor, so tests answer with a fake instead of a window ({@link FxDialogService} is the real
 * one).
 *
 * <p>Threading: called on the FX thread (in tests: the test's thread); each method blocks until
 * the user answers.
 */
public interface DialogService {

    /** Asks a yes/no question; true when the user chose {@code confirmLabel}. */
    boolean confirm(String title, String text, String confirmLabel);

    /**
     * Asks the user to pick one of {@code choices} (button labels, the first is the default).
     *
     * @return the index chosen, or empty when the dialog was cancelled
     */
    Optional<Integer> choose(String title, String text, List<String> choices);

    /** Shows a message (warnings of an import, for instance). */
    void inform(String title, String text);

    /** Shows an error in words. */
    void error(String title, String text);

    /** Asks for one line of text, starting with {@code initial}; empty when cancelled. */
    Optional<String> askText(String title, String label, String initial);

    /**
     * Asks for a file to read.
     *
     * @param filter e.g. {@code "VPN profiles"}
     * @param patterns e.g. {@code *.vpn}, {@code *.pcf}; empty for any file
     */
    Optional<Path> chooseFileToOpen(String title, String filter, List<String> patterns);

    /** Asks where to write a file, suggesting {@code initialName}. */
    Optional<Path> chooseFileToSave(String title, String initialName);
}
