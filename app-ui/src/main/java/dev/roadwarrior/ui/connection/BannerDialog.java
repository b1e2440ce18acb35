package dev.roadwarrior.ui.connection;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * The gateway's login banner in a dialog the user acknowledges with OK (or Enter, or Escape).
 * The text is read-only but can be selected and copied.
 *
 * <p>Threading: FX thread.
 */
public final class BannerDialog extends Alert {

    /** @param owner the window it belongs to, or null */
    public BannerDialog(String profile, String text, Window owner) {
        super(AlertType.INFORMATION, "", ButtonType.OK);
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(StatusFormat.format("banner.title", profile));
        setHeaderText(StatusFormat.format("banner.title", profile));
        TextArea area = new TextArea(text);
        area.setId("banner-text");
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.min(12, Math.max(3, text.split("\n", -1).length)));
        getDialogPane().setContent(area);
    }
}
