package dev.roadwarrior.ui.tray;

/**
 * A tray icon with a menu: StatusNotifierItem over D-Bus, AWT {@code SystemTray}, or none. Made by
 * {@link TrayBackends#open}.
 *
 * <p>Threading: {@link #show} and {@link #close} may be called from any thread (the FX thread
 * included: they do not block on the desktop beyond sending a few D-Bus messages). User choices
 * arrive on the backend's own thread through {@link TrayActions}.
 */
public interface TrayBackend extends AutoCloseable {

    /** Which implementation this is. */
    enum Kind {
        /** freedesktop StatusNotifierItem + dbusmenu on the session bus (KDE, GNOME with AppIndicator, XFCE, …). */
        STATUS_NOTIFIER,
        /** AWT {@code SystemTray} (XEmbed), used only when no StatusNotifierWatcher is on the bus. */
        AWT,
        /** No tray: the app keeps working, but closing its window must quit it. */
        NONE
    }

    Kind kind();

    /** True when the user can reach the app from a tray icon, i.e. the window may hide instead of quitting. */
    default boolean keepsAppReachable() {
        return kind() != Kind.NONE;
    }

    /** Shows this state: icon, tooltip, status and menu follow it. */
    void show(TrayState state);

    /** Removes the icon and releases the bus connection; further {@link #show} calls are ignored. */
    @Override
    void close();
}
