package dev.roadwarrior.ui.main;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import dev.roadwarrior.ui.common.UiText;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * A profile in the main window's list: name, gateway and method, the state in words with a
 * coloured icon, and the connect switch (which asks the ViewModel instead of flipping itself).
 * FX thread only.
 */
final class ProfileCell extends ListCell<ProfileRow> {

    /** The Primer Light palette's foreground colours, matching the state text. */
    private static final String SUCCESS = "#1a7f37";
    private static final String WARNING = "#9a6700";
    private static final String DANGER = "#d1242f";
    private static final String MUTED = "#59636e";

    private final Label name = new Label();
    private final Label detail = new Label();
    private final Label state = new Label();
    private final FontIcon icon = new FontIcon();
    private final ToggleSwitch toggle = new ToggleSwitch();
    private final HBox box;
    private final ChangeListener<Object> refresh = (o, a, b) -> showState();
    private ProfileRow shown;

    ProfileCell(Consumer<ProfileRow> onToggle) {
        name.getStyleClass().add(Styles.TEXT_BOLD);
        detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        state.getStyleClass().add(Styles.TEXT_SMALL);
        icon.setIconSize(22);
        toggle.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            e.consume();
            if (shown != null) {
                onToggle.accept(shown);
            }
        });
        toggle.addEventFilter(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
        toggle.addEventFilter(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
        VBox text = new VBox(2, name, detail, state);
        HBox.setHgrow(text, Priority.ALWAYS);
        box = new HBox(12, icon, text, toggle);
        box.setAlignment(Pos.CENTER_LEFT);
        name.setMinWidth(0);
        detail.setMinWidth(0);
        state.setMinWidth(0);
        text.setMinWidth(0);
        toggle.setMinWidth(Region.USE_PREF_SIZE);
        setPrefWidth(0);
        setText(null);
    }

    @Override
    protected void updateItem(ProfileRow row, boolean empty) {
        super.updateItem(row, empty);
        if (shown != null) {
            shown.state().removeListener(refresh);
            shown.stateText().removeListener(refresh);
        }
        shown = empty ? null : row;
        if (shown == null) {
            setGraphic(null);
            return;
        }
        setId("profile-" + row.name());
        toggle.setId("toggle-" + row.name());
        name.setText(row.name());
        detail.setText(row.host().isEmpty() ? row.method() : row.host() + "  \u00b7  " + row.method());
        row.state().addListener(refresh);
        row.stateText().addListener(refresh);
        showState();
        setGraphic(box);
    }

    private void showState() {
        ProfileRow row = shown;
        ProfileRow.State s = row.state().get();
        toggle.setSelected(s == ProfileRow.State.CONNECTED || s == ProfileRow.State.CONNECTING);
        state.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.TEXT_MUTED);
        String text = row.stateText().get();
        switch (s) {
            case CONNECTED -> {
                icon.setIconCode(Material2MZ.VPN_LOCK);
                state.getStyleClass().add(Styles.SUCCESS);
            }
            case CONNECTING, DISCONNECTING -> {
                icon.setIconCode(Material2OutlinedMZ.SYNC);
                state.getStyleClass().add(Styles.WARNING);
            }
            case ERROR -> {
                icon.setIconCode(Material2OutlinedAL.ERROR);
                state.getStyleClass().add(Styles.DANGER);
            }
            default -> {
                icon.setIconCode(row.problem().isPresent() ? Material2OutlinedMZ.WARNING : Material2OutlinedAL.LOCK_OPEN);
                state.getStyleClass().add(row.problem().isPresent() ? Styles.WARNING : Styles.TEXT_MUTED);
                if (row.problem().isPresent()) {
                    text = row.problem().get();
                }
            }
        }
        icon.setIconColor(Color.web(s == ProfileRow.State.CONNECTED ? SUCCESS : s == ProfileRow.State.ERROR ? DANGER
                : s != ProfileRow.State.DISCONNECTED || row.problem().isPresent() ? WARNING : MUTED));
        state.setText(text.isEmpty() ? UiText.label(s) : text);
        state.setTooltip(row.problem().map(Tooltip::new).orElse(null));
    }
}
