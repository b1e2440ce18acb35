package dev.roadwarrior.ui.tray;

/** The backend when the desktop has no tray: shows nothing; the app quits when its window closes. */
final class NoTray implements TrayBackend {

    @Override
    public Kind kind() {
        return Kind.NONE;
    }

    @Override
    public void show(TrayState state) {
        // Nothing to show: there is no tray on this desktop.
    }

    @Override
    public void close() {
        // Nothing was opened.
    }
}
