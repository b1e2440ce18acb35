package dev.roadwarrior.ui.main;

import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.ProfileNames;
import dev.roadwarrior.profiles.ProfileWarning;
import dev.roadwarrior.ui.common.DialogService;
import dev.roadwarrior.ui.common.ProfileService;
import dev.roadwarrior.ui.common.UiText;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window: the profiles with their state, and what can be done with them (add, edit,
 * duplicate, rename, delete, import by file chooser, drag and drop or {@code roadwarrior open},
 * export). Connect and disconnect go to {@link ProfileConnections}.
 *
 * <p>Threading: called on the FX thread (tests: one thread). Profile store and keyring work runs on
 * {@code background}; results come back through {@code ui}.
 */
public final class MainWindowViewModel {

    private final ProfileService service;
    private final DialogService dialogs;
    private final Navigator navigator;
    private final ProfileConnections connections;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<ProfileRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ProfileRow> selected = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");

    public MainWindowViewModel(ProfileService service, DialogService dialogs, Navigator navigator,
            ProfileConnections connections, Executor background, Executor ui) {
        this.service = service;
        this.dialogs = dialogs;
        this.navigator = navigator;
        this.connections = connections;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<ProfileRow> rows() {
        return rows;
    }

    /** The profile the buttons act on. */
    public ObjectProperty<ProfileRow> selected() {
        return selected;
    }

    /**
     * A sentence shown above the profiles while it applies, e.g. that the Roadwarrior service does
     * not run and how to start it; empty: nothing shown.
     */
    public StringProperty notice() {
        return notice;
    }

    /** True when no profile exists: the window shows how to import one. */
    public BooleanBinding empty() {
        return Bindings.isEmpty(rows);
    }

    /** True when nothing is selected: the per-profile buttons are disabled. */
    public BooleanBinding nothingSelected() {
        return selected.isNull();
    }

    /** Reads the profiles again (after a change here, in the editor or by the CLI). */
    public void reload() {
        reload(Optional.empty());
    }

    private void reload(Optional<String> select) {
        background.execute(() -> {
            try {
                List<ProfileService.Entry> entries = service.list();
                ui.execute(() -> show(entries, select));
            } catch (ProfileException e) {
                ui.execute(() -> dialogs.error(UiText.get("main.title"), UiText.failure(e)));
            }
        });
    }

    private void show(List<ProfileService.Entry> entries, Optional<String> select) {
        String keep = select.orElse(selected.get() == null ? null : selected.get().name());
        rows.setAll(entries.stream().map(e -> new ProfileRow(e.name(), e.host(), e.method(), e.problem())).toList());
        rows.forEach(connections::track);
        selected.set(rows.stream().filter(r -> r.name().equals(keep)).findFirst()
                .orElse(rows.isEmpty() ? null : rows.get(0)));
    }

    /** Import through the file chooser. */
    public void chooseAndImport() {
        dialogs.chooseFileToOpen(UiText.get("import.choose"), UiText.get("import.filter"), List.of("*.vpn", "*.pcf"))
                .ifPresent(this::importFile);
    }

    /** Whether a dragged file looks like a profile (drag and drop accepts only these). */
    public static boolean importable(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".vpn") || n.endsWith(".pcf") || n.contains(".vpn.");
    }

    /** A file handed over by {@code roadwarrior open FILE}: asks first, then imports. */
    public void offerImport(Path file) {
        if (dialogs.confirm(UiText.get("import.offer.title"), UiText.get("import.offer.text", file),
                UiText.get("button.import"))) {
            importFile(file);
        }
    }

    /**
     * Reads {@code file}; when its name is taken asks for another; stores it and shows the
     * warnings (a template placeholder, a defaulted key) or the error in words.
     */
    public void importFile(Path file) {
        background.execute(() -> {
            try {
                ImportResult read = ProfileLibrary.read(file, Optional.empty());
                ui.execute(() -> chooseName(file, read.profile().name()));
            } catch (ProfileException e) {
                ui.execute(() -> importFailed(file, e));
            }
        });
    }

    private void chooseName(Path file, String name) {
        String n = name;
        while (service.exists(n) || !ProfileNames.isValid(n)) {
            Optional<String> other = dialogs.askText(UiText.get("import.rename.title"),
                    UiText.get(ProfileNames.isValid(n) ? "import.rename.taken" : "import.rename.invalid", n),
                    n.isEmpty() ? "" : n + " 2");
            if (other.isEmpty()) {
                return;
            }
            n = other.get().trim();
        }
        String chosen = n;
        background.execute(() -> {
            try {
                ImportResult r = service.importFile(file, Optional.of(chosen));
                ui.execute(() -> imported(r));
            } catch (ProfileException e) {
                ui.execute(() -> importFailed(file, e));
            }
        });
    }

    private void imported(ImportResult r) {
        reload(Optional.of(r.profile().name()));
        if (!r.warnings().isEmpty()) {
            StringBuilder text = new StringBuilder(UiText.get("import.warnings", r.profile().name()));
            for (ProfileWarning w : r.warnings()) {
                text.append("\n\u2022 ").append(UiText.warning(w));
            }
            dialogs.inform(UiText.get("import.title"), text.toString());
        }
    }

    private void importFailed(Path file, ProfileException e) {
        dialogs.error(UiText.get("import.title"), UiText.get("import.failed", file.getFileName(), UiText.failure(e)));
    }

    /** Opens the editor on a new profile. */
    public void add() {
        navigator.openEditor(Optional.empty());
    }

    /** Opens the editor on the selected profile. */
    public void edit() {
        current().ifPresent(r -> navigator.openEditor(Optional.of(r.name())));
    }

    /** Copies the selected profile and its secrets under a new name. */
    public void duplicate() {
        current().ifPresent(r -> run(() -> Optional.of(service.duplicate(r.name()))));
    }

    /** Asks for a new name and renames the selected profile (refused while it is connected). */
    public void rename() {
        Optional<ProfileRow> row = current();
        if (row.isEmpty() || refuseWhileActive(row.get())) {
            return;
        }
        String old = row.get().name();
        dialogs.askText(UiText.get("rename.title"), UiText.get("rename.label", old), old)
                .map(String::trim).filter(n -> !n.equals(old))
                .ifPresent(n -> run(() -> {
                    service.rename(old, n);
                    return Optional.of(n);
                }));
    }

    /** Deletes the selected profile and its secrets after a confirmation. */
    public void delete() {
        Optional<ProfileRow> row = current();
        if (row.isEmpty() || refuseWhileActive(row.get())) {
            return;
        }
        String name = row.get().name();
        if (dialogs.confirm(UiText.get("delete.title"), UiText.get("delete.text", name), UiText.get("button.delete"))) {
            run(() -> {
                service.delete(name);
                return Optional.empty();
            });
        }
    }

    /** Writes the selected profile as a .vpn file the user picks. */
    public void export() {
        current().ifPresent(r -> dialogs.chooseFileToSave(UiText.get("export.title"), r.name() + ".vpn")
                .ifPresent(f -> run(() -> {
                    service.export(r.name(), f);
                    ui.execute(() -> dialogs.inform(UiText.get("export.title"), UiText.get("export.done", r.name(), f)));
                    return Optional.empty();
                })));
    }

    /** Connects the selected profile, or disconnects it when it is active. */
    public void toggleSelected() {
        current().ifPresent(this::toggle);
    }

    /** Connects {@code row}, or disconnects it when it is active (the row's switch). */
    public void toggle(ProfileRow row) {
        if (row.active().get()) {
            connections.disconnect(row.name());
        } else {
            connections.connect(row.name());
        }
    }

    /** Opens the settings. */
    public void openSettings() {
        navigator.openSettings();
    }

    private boolean refuseWhileActive(ProfileRow row) {
        if (row.active().get()) {
            dialogs.error(UiText.get("main.title"), UiText.get("main.activeRefused", row.name()));
            return true;
        }
        return false;
    }

    private Optional<ProfileRow> current() {
        return Optional.ofNullable(selected.get());
    }

    /** A profile operation in the background; then a reload, or the failure in words. */
    private void run(Action action) {
        background.execute(() -> {
            try {
                Optional<String> select = action.run();
                ui.execute(() -> reload(select));
            } catch (ProfileException e) {
                ui.execute(() -> dialogs.error(UiText.get("main.title"), UiText.failure(e)));
            }
        });
    }

    @FunctionalInterface
    private interface Action {
        /** Does the work; returns the profile to select afterwards, if any. */
        Optional<String> run() throws ProfileException;
    }
}
