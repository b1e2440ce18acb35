package dev.roadwarrior.ui.settings;

import java.util.Objects;
import java.util.Optional;

/**
 * The user's settings of the desktop app.
 *
 * @param startMinimised start with the window hidden in the tray (only when a tray exists)
 * @param connectAtLogin the profile to connect when the user logs in; empty: the app does not
 *     start at login
 * @param notifications show desktop notifications on connect, disconnect and failures
 */
public record AppSettings(boolean startMinimised, Optional<String> connectAtLogin, boolean notifications) {

    /** The settings of a new user: window shown, nothing at login, notifications on. */
    public static final AppSettings DEFAULTS = new AppSettings(false, Optional.empty(), true);

    public AppSettings {
        connectAtLogin = Objects.requireNonNullElse(connectAtLogin, Optional.<String>empty()).filter(s -> !s.isEmpty());
    }
}
