package dev.roadwarrior.ui.tray;

/**
 * What the user asked for from the tray (menu entries and a left click on the icon).
 *
 * <p>Threading: a tray backend calls these on its own thread, never on the JavaFX application
 * thread: a dbus-java worker thread for the StatusNotifierItem backend, the AWT event dispatch
 * thread for the AWT backend. Implementations return quickly and hop to the FX thread themselves
 * (e.g. {@code Platform.runLater}). An exception thrown here is logged by the backend and dropped.
 */
public interface TrayActions {

    /** "Connect ‹profile›" was chosen. */
    void connect(String profileName);

    /** "Disconnect" was chosen. */
    void disconnect();

    /** "Show window" was chosen or the icon was left-clicked (activated). */
    void showWindow();

    /** "Quit" was chosen (the app asks whether to disconnect first). */
    void quit();
}
