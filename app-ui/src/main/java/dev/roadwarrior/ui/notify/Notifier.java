package dev.roadwarrior.ui.notify;

/**
 * Shows connection notices to the user. Implementations: {@link DesktopNotifier}; tests use their own.
 *
 * <p>Threading: {@link #show} may be called from any thread (the FX thread included) and never blocks
 * on the desktop.
 */
public interface Notifier {

    /** Shows the notice, replacing this notifier's previous one so they do not pile up. */
    void show(Notice notice);
}
