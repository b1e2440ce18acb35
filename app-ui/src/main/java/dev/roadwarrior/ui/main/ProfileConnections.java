package dev.roadwarrior.ui.main;

/**
 * What the main window needs from the live connection: connect and disconnect a profile, and keep
 * each row's state up to date. The app backs it with the connection ViewModel; tests fake it.
 * Called on the FX thread.
 */
public interface ProfileConnections {

    /** Keeps {@code row}'s state, state text and switch following the connection of its profile. */
    void track(ProfileRow row);

    /** Starts connecting {@code profile} (prompts and progress appear in their own windows). */
    void connect(String profile);

    /** Disconnects {@code profile} if it is the one connecting or connected. */
    void disconnect(String profile);
}
