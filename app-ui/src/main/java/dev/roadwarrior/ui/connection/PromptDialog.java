package dev.roadwarrior.ui.connection;

import dev.roadwarrior.connect.PromptAnswer;
import dev.roadwarrior.connect.PromptField;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The dialog that asks a prompt's fields (user name, password, one-time code, new PIN, answer,
 * key passphrase): it comes to the front with the keyboard focus in its first empty field; Enter
 * submits, Escape (or closing it) cancels the connect. Binds only to its {@link PromptViewModel}.
 *
 * <p>Threading: FX thread.
 */
public final class PromptDialog extends Dialog<Optional<PromptAnswer>> {

    /** The submit button. */
    public static final ButtonType SUBMIT = new ButtonType(StatusFormat.text("prompt.connect"),
            ButtonBar.ButtonData.OK_DONE);
    /** The cancel button (Escape). */
    public static final ButtonType CANCEL = new ButtonType(StatusFormat.text("prompt.cancel"),
            ButtonBar.ButtonData.CANCEL_CLOSE);

    private final Map<PromptField, TextField> inputs = new EnumMap<>(PromptField.class);

    /** @param owner the window it belongs to, or null */
    public PromptDialog(PromptViewModel vm, Window owner) {
        setTitle(vm.title());
        if (owner != null) {
            initOwner(owner);
        }
        Label text = new Label(vm.text());
        text.setWrapText(true);
        text.setId("prompt-text");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, new ColumnConstraints());
        int row = 0;
        for (PromptField field : vm.prompt().fields()) {
            TextField input = field.secret() ? new PasswordField() : new TextField();
            input.setId("prompt-" + field.name());
            input.textProperty().bindBidirectional(vm.value(field));
            input.setPrefColumnCount(22);
            GridPane.setHgrow(input, Priority.ALWAYS);
            Label label = new Label(PromptViewModel.label(field) + ":");
            label.setLabelFor(input);
            grid.addRow(row++, label, input);
            inputs.put(field, input);
        }
        VBox content = new VBox(12, text, grid);
        if (vm.offersSavePassword()) {
            CheckBox save = new CheckBox(StatusFormat.text("prompt.savePassword"));
            save.setId("prompt-save-password");
            save.selectedProperty().bindBidirectional(vm.savePasswordProperty());
            content.getChildren().add(save);
        }
        content.setPrefWidth(420);
        content.setPadding(new javafx.geometry.Insets(16, 16, 4, 16));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().setAll(SUBMIT, CANCEL);
        ((Button) getDialogPane().lookupButton(SUBMIT)).setDefaultButton(true);
        setResultConverter(button -> button == SUBMIT ? Optional.of(vm.answer()) : vm.cancelled());
        setOnShown(e -> {
            Window w = getDialogPane().getScene().getWindow();
            if (w instanceof Stage stage) {
                stage.toFront();
            }
            TextField first = inputs.get(vm.firstEmptyField());
            Platform.runLater(first::requestFocus);
        });
    }

    /** Shows the dialog without blocking; completes with the answer, or empty when cancelled. */
    public CompletionStage<Optional<PromptAnswer>> ask() {
        CompletableFuture<Optional<PromptAnswer>> answer = new CompletableFuture<>();
        setOnHidden(e -> answer.complete(getResult() == null ? Optional.empty() : getResult()));
        show();
        return answer;
    }

    /** The input of {@code field} (tests, focus checks). */
    public TextField input(PromptField field) {
        return inputs.get(field);
    }
}
