package dev.roadwarrior.ui.main;

import java.util.Optional;

/**
 * The windows the main window's ViewModel opens; the app implements it, tests fake it.
 * Called on the FX thread.
 */
public interface Navigator {

    /** Opens the profile editor: on {@code profile}, or on a new profile when empty. */
    void openEditor(Optional<String> profile);

    /** Opens the settings dialog. */
    void openSettings();
}
