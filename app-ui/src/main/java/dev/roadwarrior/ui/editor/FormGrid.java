package dev.roadwarrior.ui.editor;

import dev.roadwarrior.ui.common.UiText;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * One tab of the profile editor: rows of label, control and, under the control, the field's error
 * in words (node id {@code <id>Error}). Controls get the ids the tests look up. FX thread only.
 */
final class FormGrid {

    private final GridPane grid = new GridPane();
    private int row;

    FormGrid() {
        grid.setHgap(12);
        grid.setVgap(4);
        grid.setPadding(new Insets(16));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(170);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, controls);
    }

    Node node() {
        return grid;
    }

    /** A section heading. */
    FormGrid heading(String key) {
        Label l = new Label(UiText.get(key));
        l.getStyleClass().add("title-4");
        l.setPadding(new Insets(row == 0 ? 0 : 10, 0, 2, 0));
        grid.add(l, 0, row++, 2, 1);
        return this;
    }

    FormGrid text(String key, String id, TextInput input, ObservableBooleanValue disabled) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(input.text());
        disable(f, disabled);
        return add(key, f, input, id);
    }

    FormGrid area(String key, String id, TextInput input, ObservableBooleanValue disabled) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPrefRowCount(3);
        a.textProperty().bindBidirectional(input.text());
        disable(a, disabled);
        return add(key, a, input, id);
    }

    <T> FormGrid choice(String key, String id, ChoiceInput<T> input) {
        ComboBox<T> c = new ComboBox<>();
        c.setId(id);
        c.getItems().setAll(input.options());
        c.setConverter(new StringConverter<>() {
            @Override
            public String toString(T t) {
                return input.label(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        });
        c.valueProperty().bindBidirectional(input.value());
        return add(key, c, null, id);
    }

    FormGrid check(String key, String id, BooleanProperty value, ObservableBooleanValue disabled) {
        CheckBox c = new CheckBox(UiText.get(key));
        c.setId(id);
        c.selectedProperty().bindBidirectional(value);
        disable(c, disabled);
        grid.add(c, 1, row++);
        return this;
    }

    /** A secret: dots, with an eye button that shows the value in clear while pressed in. */
    FormGrid secret(String key, String id, SecretInput input) {
        PasswordField hidden = new PasswordField();
        hidden.setId(id);
        hidden.textProperty().bindBidirectional(input.text());
        TextField shown = new TextField();
        shown.setId(id + "Shown");
        shown.textProperty().bindBidirectional(input.text());
        shown.visibleProperty().bind(input.revealed());
        hidden.visibleProperty().bind(input.revealed().not());
        ToggleButton reveal = new ToggleButton(null, FontIcon.of(Material2OutlinedMZ.VISIBILITY));
        reveal.setId(id + "Reveal");
        reveal.selectedProperty().bindBidirectional(input.revealed());
        reveal.setTooltip(new javafx.scene.control.Tooltip(UiText.get("editor.secret.reveal")));
        StackPane fields = new StackPane(hidden, shown);
        HBox.setHgrow(fields, Priority.ALWAYS);
        return add(key, new HBox(6, fields, reveal), input, id);
    }

    /** A certificate or key: its name, a button to pick the file and one to remove it. */
    FormGrid certificate(String key, String id, CertificateInput input, Consumer<CertificateInput> pick,
            Consumer<CertificateInput> clear) {
        Label name = new Label();
        name.setId(id);
        name.textProperty().bind(input.description());
        name.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(name, Priority.ALWAYS);
        Button choose = new Button(UiText.get("editor.certificate.pick"), FontIcon.of(Material2OutlinedAL.FOLDER_OPEN));
        choose.setId(id + "Pick");
        choose.setOnAction(e -> pick.accept(input));
        Button remove = new Button(null, FontIcon.of(Material2OutlinedAL.CLOSE));
        remove.setId(id + "Clear");
        remove.setOnAction(e -> clear.accept(input));
        HBox box = new HBox(6, name, choose, remove);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return add(key, box, input, id);
    }

    private FormGrid add(String key, Node control, Field field, String id) {
        Label label = new Label(UiText.get(key));
        label.setLabelFor(control);
        label.setMinWidth(Label.USE_PREF_SIZE);
        grid.add(label, 0, row);
        if (field == null) {
            grid.add(control, 1, row++);
            return this;
        }
        Label error = new Label();
        error.setId(id + "Error");
        error.getStyleClass().addAll("danger", "text-small");
        error.setWrapText(true);
        error.textProperty().bind(field.error());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        VBox cell = new VBox(2, control, error);
        grid.add(cell, 1, row++);
        return this;
    }

    private static void disable(Node n, ObservableBooleanValue disabled) {
        if (disabled != null) {
            n.disableProperty().bind(disabled);
        }
    }
}
