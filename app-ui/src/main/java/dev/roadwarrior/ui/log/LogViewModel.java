package dev.roadwarrior.ui.log;

import dev.roadwarrior.ui.connection.EngineEventBridge;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The log view's model: the app's last {@value #CAPACITY} log records, filtered by a minimum
 * level and a search text (case-insensitive, in the message and the logger), the visible lines
 * as text for Copy, and "Save diagnostics…".
 *
 * <p>Threading: UI thread; {@link #add} may be called from any thread (records arrive through
 * the bridge); the diagnostics are written on the background executor.
 */
public final class LogViewModel {

    /** How many records are kept. */
    public static final int CAPACITY = 5_000;

    private final EngineEventBridge bridge;
    private final Executor background;
    private final Diagnostics diagnostics;
    private final ZoneId zone;
    private final ObservableList<LogEntry> all = FXCollections.observableArrayList();
    private final FilteredList<LogEntry> visible = new FilteredList<>(all);
    private final ObservableList<LogEntry> visibleView = FXCollections.unmodifiableObservableList(visible);
    private final ObjectProperty<LogLevel> minimumLevel = new SimpleObjectProperty<>(this, "minimumLevel", LogLevel.INFO);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");

    public LogViewModel(EngineEventBridge bridge, Executor background, Diagnostics diagnostics, ZoneId zone) {
        this.bridge = bridge;
        this.background = background;
        this.diagnostics = diagnostics;
        this.zone = zone;
        minimumLevel.addListener((o, a, b) -> refilter());
        search.addListener((o, a, b) -> refilter());
        refilter();
    }

    /** Adds a record; any thread. */
    public void add(LogEntry entry) {
        bridge.run(() -> {
            all.add(entry);
            if (all.size() > CAPACITY) {
                all.remove(0, all.size() - CAPACITY);
            }
        });
    }

    /** The records that pass the filter, oldest first; read-only. */
    public ObservableList<LogEntry> visible() {
        return visibleView;
    }

    /** The least severe level shown (default INFO). */
    public ObjectProperty<LogLevel> minimumLevelProperty() {
        return minimumLevel;
    }

    /** Text the shown records must contain; empty: all. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The last result of Save diagnostics in words; empty before. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The shown records as text, one line each. */
    public String text() {
        return visible.stream().map(e -> e.line(zone)).collect(Collectors.joining("\n", "", "\n"));
    }

    /** One record as its line. */
    public String line(LogEntry entry) {
        return entry.line(zone);
    }

    /** Writes the diagnostics zip to {@code target}, with the whole log and {@code profile}, in the background. */
    public void saveDiagnostics(Path target, Optional<String> profile) {
        String log = all.stream().map(e -> e.line(zone)).collect(Collectors.joining("\n", "", "\n"));
        background.execute(() -> {
            String words;
            try {
                diagnostics.write(target, log, profile);
                words = LogView.format("log.saved", target);
            } catch (IOException | RuntimeException e) {
                words = LogView.format("log.saveFailed", target, e.getMessage());
            }
            String shown = words;
            bridge.run(() -> result.set(shown));
        });
    }

    private void refilter() {
        LogLevel min = minimumLevel.get();
        String needle = search.get().toLowerCase(java.util.Locale.ROOT);
        visible.setPredicate(e -> e.level().compareTo(min) >= 0 && (needle.isEmpty()
                || e.message().toLowerCase(java.util.Locale.ROOT).contains(needle)
                || e.logger().toLowerCase(java.util.Locale.ROOT).contains(needle)));
    }
}
