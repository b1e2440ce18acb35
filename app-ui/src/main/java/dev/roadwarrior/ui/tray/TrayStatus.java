package dev.roadwarrior.ui.tray;

/** The overall connection state the tray shows; each has its own themed icon in the hicolor theme. */
public enum TrayStatus {
    DISCONNECTED, CONNECTING, CONNECTED, ERROR;

    /** The themed icon name, e.g. {@code roadwarrior-connected}; installed under hicolor/*&#47;apps. */
    public String iconName() {
        return "roadwarrior-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
