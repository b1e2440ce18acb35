package dev.roadwarrior.ui.connection;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * A connect's progress in plain steps ("Gateway reached", "NAT detected", "User authenticated",
 * "Configuration received", "Tunnel up"), each ticked as it happens, with a spinner while the
 * connect runs, the failure in the CLI's words when it fails, and Cancel. A reusable node bound
 * to its {@link ConnectProgressViewModel}.
 *
 * <p>Threading: FX thread.
 */
public final class ConnectProgressView extends VBox {

    private final ConnectProgressViewModel vm;
    private final VBox steps = new VBox(4);

    public ConnectProgressView(ConnectProgressViewModel vm) {
        this.vm = vm;
        setId("connect-progress");
        setSpacing(10);
        setPadding(new Insets(12));
        Label title = new Label();
        title.setStyle("-fx-font-size: 1.2em; -fx-font-weight: bold;");
        title.textProperty().bind(vm.titleProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        Label failure = new Label();
        failure.setId("connect-failure");
        failure.setWrapText(true);
        failure.setStyle("-fx-text-fill: #b00020;");
        failure.textProperty().bind(vm.failureProperty());
        Label notice = new Label();
        notice.setId("connect-notice");
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        Button cancel = new Button(StatusFormat.text("progress.cancel"));
        cancel.setId("connect-cancel");
        cancel.visibleProperty().bind(vm.busyProperty());
        cancel.setOnAction(e -> vm.cancel());
        vm.steps().addListener((ListChangeListener<String>) c -> showSteps());
        showSteps();
        getChildren().addAll(new HBox(8, title, spinner), steps, failure, notice, cancel);
    }

    private void showSteps() {
        steps.getChildren().setAll(vm.steps().stream().map(s -> {
            Label l = new Label("\u2713  " + s);
            l.getStyleClass().add("connect-step");
            return l;
        }).toList());
    }
}
