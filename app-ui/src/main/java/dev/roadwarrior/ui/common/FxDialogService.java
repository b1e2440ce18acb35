package dev.roadwarrior.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * {@link DialogService} with JavaFX dialogs, modal to the owner window. FX thread only.
 */
public final class FxDialogService implements DialogService {

    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String text, String confirmLabel) {
        ButtonType ok = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, text, ok, ButtonType.CANCEL);
        return a.showAndWait().filter(b -> b == ok).isPresent();
    }

    @Override
    public Optional<Integer> choose(String title, String text, List<String> choices) {
        List<ButtonType> buttons = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            buttons.add(new ButtonType(choices.get(i), i == 0 ? ButtonBar.ButtonData.OK_DONE
                    : ButtonBar.ButtonData.OTHER));
        }
        buttons.add(ButtonType.CANCEL);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, text, buttons.toArray(ButtonType[]::new));
        return a.showAndWait().map(buttons::indexOf).filter(i -> i >= 0 && i < choices.size());
    }

    @Override
    public void inform(String title, String text) {
        alert(Alert.AlertType.INFORMATION, title, text, ButtonType.OK).showAndWait();
    }

    @Override
    public void error(String title, String text) {
        alert(Alert.AlertType.ERROR, title, text, ButtonType.OK).showAndWait();
    }

    @Override
    public Optional<String> askText(String title, String label, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(null);
        d.setContentText(label);
        return d.showAndWait();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String filter, List<String> patterns) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        if (!patterns.isEmpty()) {
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(filter, patterns));
        }
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(UiText.get("file.any"), "*"));
        return Optional.ofNullable(c.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String initialName) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(initialName);
        return Optional.ofNullable(c.showSaveDialog(owner)).map(File::toPath);
    }

    private Alert alert(Alert.AlertType type, String title, String text, ButtonType... buttons) {
        Alert a = new Alert(type, text, buttons);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(null);
        a.getDialogPane().setMinWidth(420);
        return a;
    }
}
