package dev.roadwarrior.ui.log;

import java.io.File;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The log: a level filter, a search field, the records, Copy (the shown records as text) and
 * "Save diagnostics…" (a zip, see {@link Diagnostics}). A reusable node bound to its
 * {@link LogViewModel}.
 *
 * <p>Threading: FX thread.
 */
public final class LogView extends VBox {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.roadwarrior.ui.log.messages");

    /** @param profile the profile whose settings go into the diagnostics (the selected or active one) */
    public LogView(LogViewModel vm, Supplier<Optional<String>> profile) {
        setId("log-view");
        setSpacing(8);
        setPadding(new Insets(12));
        ChoiceBox<LogLevel> level = new ChoiceBox<>();
        level.setId("log-level");
        level.getItems().setAll(LogLevel.values());
        level.valueProperty().bindBidirectional(vm.minimumLevelProperty());
        TextField search = new TextField();
        search.setId("log-search");
        search.setPromptText(TEXT.getString("log.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button copy = new Button(TEXT.getString("log.copy"));
        copy.setId("log-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.text());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button save = new Button(TEXT.getString("log.saveDiagnostics"));
        save.setId("log-save");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(TEXT.getString("log.saveDiagnostics"));
            chooser.setInitialFileName("roadwarrior-diagnostics.zip");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip", "*.zip"));
            File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                vm.saveDiagnostics(file.toPath(), profile.get());
            }
        });
        ListView<LogEntry> list = new ListView<>(vm.visible());
        list.setId("log-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(LogEntry item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : vm.line(item));
                setStyle(item != null && item.level().compareTo(LogLevel.WARNING) >= 0 ? "-fx-text-fill: #b00020;" : "");
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Label result = new Label();
        result.setId("log-result");
        result.textProperty().bind(vm.resultProperty());
        Label levelLabel = new Label(TEXT.getString("log.level"));
        getChildren().addAll(new HBox(8, levelLabel, level, search, copy, save), list, result);
    }

    /** A text of the log screens with its {0}... filled in. */
    static String format(String key, Object... args) {
        return MessageFormat.format(TEXT.getString(key), args);
    }
}
