package dev.roadwarrior.ui.main;

import atlantafx.base.theme.Styles;
import dev.roadwarrior.ui.common.UiText;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The main window's content, bound to a {@link MainWindowViewModel}: a toolbar, the profile list
 * with a connect switch per profile, the selected profile's actions and, below them, the status
 * and log panes given by the app. With no profile it shows how to import one. Files dropped on the
 * window are imported. FX thread only.
 */
public final class MainWindowView {

    private final BorderPane root = new BorderPane();

    /**
     * @param statusPane the live status of the connection
     * @param logPane the log
     */
    public MainWindowView(MainWindowViewModel vm, Node statusPane, Node logPane) {
        Label notice = new Label();
        notice.setId("notice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.setGraphic(FontIcon.of(Material2OutlinedMZ.WARNING, 18));
        notice.setPadding(new Insets(8, 16, 8, 16));
        notice.setStyle("-fx-background-color: #fff8c5; -fx-text-fill: #7d4e00;");
        notice.textProperty().bind(vm.notice());
        notice.managedProperty().bind(vm.notice().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        root.setTop(new VBox(toolbar(vm), notice));
        ListView<ProfileRow> list = new ListView<>(vm.rows());
        list.setId("profiles");
        list.setCellFactory(l -> new ProfileCell(vm::toggle));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selected().set(b));
        vm.selected().addListener((o, a, b) -> {
            if (list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && vm.selected().get() != null) {
                vm.edit();
            }
        });
        TabPane details = new TabPane(new Tab(UiText.get("main.tab.status"), statusPane),
                new Tab(UiText.get("main.tab.log"), logPane));
        details.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        details.setId("details");
        VBox right = new VBox(actions(vm), details);
        VBox.setVgrow(details, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, right);
        split.setDividerPositions(0.36);
        SplitPane.setResizableWithParent(list, false);
        Node empty = emptyState(vm);
        StackPane center = new StackPane(split, empty);
        split.visibleProperty().bind(vm.empty().not());
        empty.visibleProperty().bind(vm.empty());
        root.setCenter(center);
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            files.stream().map(File::toPath).filter(MainWindowViewModel::importable).forEach(vm::importFile);
            e.setDropCompleted(!files.isEmpty());
            e.consume();
        });
        root.setPrefSize(1080, 720);
    }

    public Parent root() {
        return root;
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().map(File::toPath)
                .anyMatch(MainWindowViewModel::importable)) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private static ToolBar toolbar(MainWindowViewModel vm) {
        Label title = new Label(UiText.get("main.title"), FontIcon.of(Material2MZ.VPN_LOCK, 20));
        title.getStyleClass().add(Styles.TITLE_4);
        Button importButton = button("importButton", "button.import", Material2OutlinedAL.FILE_UPLOAD, vm::chooseAndImport);
        Button add = button("addButton", "button.add", Material2AL.ADD, vm::add);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button settings = button("settingsButton", "button.settings", Material2OutlinedMZ.SETTINGS, vm::openSettings);
        return new ToolBar(title, new Separator(Orientation.VERTICAL), importButton, add, spacer, settings);
    }

    private static Node actions(MainWindowViewModel vm) {
        Label name = new Label();
        name.setId("selectedName");
        name.getStyleClass().add(Styles.TITLE_3);
        name.textProperty().bind(Bindings.createStringBinding(
                () -> vm.selected().get() == null ? "" : vm.selected().get().name(), vm.selected()));
        Button connect = button("connectButton", "button.connect", Material2MZ.POWER_SETTINGS_NEW, vm::toggleSelected);
        connect.getStyleClass().add(Styles.SUCCESS);
        connect.setMinWidth(Region.USE_PREF_SIZE);
        name.setMinWidth(0);
        vm.selected().addListener((o, a, b) -> bindConnect(connect, b));
        bindConnect(connect, vm.selected().get());
        HBox buttons = new HBox(6,
                button("editButton", "button.edit", Material2OutlinedAL.EDIT, vm::edit),
                button("duplicateButton", "button.duplicate", Material2OutlinedAL.FILE_COPY, vm::duplicate),
                button("renameButton", "button.rename", Material2OutlinedAL.CREATE, vm::rename),
                button("exportButton", "button.export", Material2OutlinedAL.CLOUD_UPLOAD, vm::export),
                button("deleteButton", "button.delete", Material2OutlinedAL.DELETE, vm::delete));
        buttons.getChildren().forEach(b -> b.disableProperty().bind(vm.nothingSelected()));
        connect.disableProperty().bind(vm.nothingSelected());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(12, name, spacer, connect);
        header.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, header, buttons);
        box.setPadding(new Insets(14, 16, 10, 16));
        return box;
    }

    private static void bindConnect(Button connect, ProfileRow row) {
        connect.textProperty().unbind();
        if (row == null) {
            connect.setText(UiText.get("button.connect"));
            return;
        }
        connect.textProperty().bind(Bindings.when(row.active())
                .then(UiText.get("button.disconnect")).otherwise(UiText.get("button.connect")));
    }

    private static Node emptyState(MainWindowViewModel vm) {
        FontIcon icon = FontIcon.of(Material2OutlinedMZ.VPN_LOCK);
        icon.setIconColor(Color.web("#59636e"));
        // the theme fixes the glyph size; scaling inside a group enlarges it and its layout bounds alike
        icon.setScaleX(4);
        icon.setScaleY(4);
        Group bigIcon = new Group(icon);
        Label heading = new Label(UiText.get("main.empty.title"));
        heading.getStyleClass().add(Styles.TITLE_2);
        Label text = new Label(UiText.get("main.empty.text"));
        text.setId("emptyText");
        text.setWrapText(true);
        text.setMaxWidth(460);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setStyle("-fx-text-alignment: center;");
        Button importButton = button("emptyImportButton", "button.importFile", Material2OutlinedAL.FILE_UPLOAD,
                vm::chooseAndImport);
        importButton.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
        Hyperlink add = new Hyperlink(UiText.get("main.empty.add"));
        add.setId("emptyAddLink");
        add.setOnAction(e -> vm.add());
        VBox box = new VBox(14, bigIcon, heading, text, importButton, add);
        box.setId("emptyState");
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static Button button(String id, String key, Ikon icon, Runnable action) {
        Button b = new Button(UiText.get(key), FontIcon.of(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }
}
