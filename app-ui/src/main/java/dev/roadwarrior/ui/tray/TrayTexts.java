package dev.roadwarrior.ui.tray;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The one place that turns a {@link TrayState} into the tray's words (tooltip and menu labels). Stateless. */
public final class TrayTexts {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.roadwarrior.ui.tray.messages");

    private TrayTexts() {
    }

    /** The tooltip's title: the application name. */
    public static String title() {
        return TEXT.getString("tooltip.title");
    }

    /** One line, e.g. "Connected to office — 10.3.0.5" or "Not connected". */
    public static String tooltip(TrayState state) {
        String headline = state.status() == TrayStatus.DISCONNECTED || state.activeProfile().isPresent()
                ? format("status." + state.status().name(), state.activeProfile().orElse(""))
                : TEXT.getString("status." + state.status().name() + ".none");
        return state.detail().isBlank() ? headline : headline + " — " + state.detail().strip();
    }

    static String connect(String profile) {
        return format("menu.connect", profile);
    }

    static String disconnect() {
        return TEXT.getString("menu.disconnect");
    }

    static String showWindow() {
        return TEXT.getString("menu.show");
    }

    static String quit() {
        return TEXT.getString("menu.quit");
    }

    private static String format(String key, String argument) {
        return new MessageFormat(TEXT.getString(key)).format(new Object[] {argument});
    }
}
