package dev.roadwarrior.ui.settings;

import dev.roadwarrior.ui.common.UiText;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The settings dialog, bound to a {@link SettingsViewModel}. OK saves; a failed save keeps the
 * dialog open with the reason. FX thread only.
 */
public final class SettingsView extends Dialog<ButtonType> {

    public SettingsView(SettingsViewModel vm, Window owner) {
        initOwner(owner);
        setTitle(UiText.get("settings.title"));
        CheckBox minimised = new CheckBox(UiText.get("settings.startMinimised"));
        minimised.setId("startMinimised");
        minimised.selectedProperty().bindBidirectional(vm.startMinimised());
        minimised.setDisable(!vm.trayAvailable());
        CheckBox login = new CheckBox(UiText.get("settings.connectAtLogin"));
        login.setId("connectAtLogin");
        login.selectedProperty().bindBidirectional(vm.connectAtLogin());
        ComboBox<String> profile = new ComboBox<>(vm.profiles());
        profile.setId("loginProfile");
        profile.valueProperty().bindBidirectional(vm.loginProfile());
        profile.disableProperty().bind(vm.connectAtLogin().not());
        CheckBox notify = new CheckBox(UiText.get("settings.notifications"));
        notify.setId("notifications");
        notify.selectedProperty().bindBidirectional(vm.notifications());
        Label hint = new Label(vm.trayAvailable() ? "" : UiText.get("settings.noTray"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        Label error = new Label();
        error.setId("settingsError");
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.error());
        error.setWrapText(true);
        VBox box = new VBox(12, minimised, hint, new HBox(8, login, profile), notify, error);
        box.setPadding(new Insets(16));
        box.setPrefWidth(520);
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("settingsOk");
        ok.disableProperty().bind(vm.incomplete());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            if (!vm.save()) {
                e.consume();
            }
        });
    }
}
