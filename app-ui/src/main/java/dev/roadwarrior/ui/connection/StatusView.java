package dev.roadwarrior.ui.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The live status of the connection: every field of {@link StatusViewModel#rows()} as a label
 * and its value, a throughput chart of the last minutes (received and sent, KiB per second),
 * and a Copy button that puts the status as text on the clipboard. A reusable node the main
 * window embeds.
 *
 * <p>Threading: FX thread.
 */
public final class StatusView extends VBox {

    private final StatusViewModel vm;
    private final GridPane grid = new GridPane();
    private final XYChart.Series<Number, Number> in = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> out = new XYChart.Series<>();
    private final Label copied = new Label();

    public StatusView(StatusViewModel vm) {
        this.vm = vm;
        setId("status-view");
        setSpacing(10);
        setPadding(new Insets(12));
        grid.setHgap(16);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        vm.rows().addListener((ListChangeListener<StatusViewModel.Row>) c -> showRows());
        showRows();

        NumberAxis time = new NumberAxis(-ConnectionModel.HISTORY_SECONDS, 0, 60);
        time.setLabel(StatusFormat.text("status.chart.time"));
        NumberAxis rate = new NumberAxis();
        rate.setLabel(StatusFormat.text("status.chart.axis"));
        rate.setForceZeroInRange(true);
        LineChart<Number, Number> chart = new LineChart<>(time, rate);
        chart.setId("status-chart");
        chart.setTitle(StatusFormat.text("status.chart.title"));
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefHeight(220);
        in.setName(StatusFormat.text("status.chart.in"));
        out.setName(StatusFormat.text("status.chart.out"));
        chart.getData().add(in);
        chart.getData().add(out);
        vm.throughput().addListener((ListChangeListener<ThroughputSample>) c -> showThroughput());
        showThroughput();

        Button copy = new Button(StatusFormat.text("status.copy"));
        copy.setId("status-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.text());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(StatusFormat.text("status.copied"));
        });
        HBox buttons = new HBox(10, copy, copied);
        getChildren().addAll(grid, chart, buttons);
    }

    private void showRows() {
        grid.getChildren().clear();
        int i = 0;
        for (StatusViewModel.Row row : vm.rows()) {
            Label label = new Label(row.label());
            label.getStyleClass().add("status-label");
            label.setStyle("-fx-font-weight: bold;");
            Label value = new Label(row.value());
            value.setId("status-value-" + i);
            value.setWrapText(true);
            grid.addRow(i++, label, value);
        }
    }

    private void showThroughput() {
        List<ThroughputSample> samples = vm.throughput();
        if (samples.isEmpty()) {
            in.getData().clear();
            out.getData().clear();
            return;
        }
        Instant last = samples.get(samples.size() - 1).time();
        in.getData().setAll(samples.stream().map(s -> point(last, s.time(), s.bytesInPerSecond())).toList());
        out.getData().setAll(samples.stream().map(s -> point(last, s.time(), s.bytesOutPerSecond())).toList());
    }

    private static XYChart.Data<Number, Number> point(Instant last, Instant t, double rate) {
        return new XYChart.Data<>(-Duration.between(t, last).toMillis() / 1000.0, rate / 1024);
    }
}
