package dev.roadwarrior.ui.settings;

import dev.roadwarrior.ui.common.UiText;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The settings dialog: start minimised to the tray, connect a chosen profile at login (the XDG
 * autostart entry, written or removed on {@link #save()}), notifications on or off. {@link #current()}
 * holds the settings in force, for the rest of the app to follow.
 *
 * <p>Threading: FX thread (tests: any one thread); {@link #save()} writes two small files.
 */
public final class SettingsViewModel {

    private final SettingsStore store;
    private final Autostart autostart;
    private final boolean trayAvailable;
    private final ReadOnlyObjectWrapper<AppSettings> current;
    private final BooleanProperty startMinimised = new SimpleBooleanProperty();
    private final BooleanProperty connectAtLogin = new SimpleBooleanProperty();
    private final ObjectProperty<String> loginProfile = new SimpleObjectProperty<>();
    private final BooleanProperty notifications = new SimpleBooleanProperty();
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /**
     * @param trayAvailable whether a tray exists; without one "start minimised" cannot apply
     */
    public SettingsViewModel(SettingsStore store, Autostart autostart, boolean trayAvailable) {
        this.store = store;
        this.autostart = autostart;
        this.trayAvailable = trayAvailable;
        this.current = new ReadOnlyObjectWrapper<>(store.load());
    }

    /** Fills the form from the settings in force and the current profile names. */
    public void reset(List<String> profileNames) {
        AppSettings s = current.get();
        profiles.setAll(profileNames);
        startMinimised.set(s.startMinimised() && trayAvailable);
        Optional<String> login = s.connectAtLogin().filter(profileNames::contains);
        connectAtLogin.set(login.isPresent());
        loginProfile.set(login.orElse(profileNames.isEmpty() ? null : profileNames.get(0)));
        notifications.set(s.notifications());
        error.set("");
    }

    /** Stores the form and writes or removes the autostart entry; false (with {@link #error()}) on failure. */
    public boolean save() {
        Optional<String> login = connectAtLogin.get() ? Optional.ofNullable(loginProfile.get()) : Optional.empty();
        AppSettings s = new AppSettings(startMinimised.get(), login, notifications.get());
        try {
            store.save(s);
            autostart.apply(login);
        } catch (IOException e) {
            error.set(UiText.get("settings.saveFailed", e.getMessage()));
            return false;
        }
        current.set(s);
        error.set("");
        return true;
    }

    /** The settings in force (changes on a successful save). */
    public ReadOnlyObjectProperty<AppSettings> current() {
        return current.getReadOnlyProperty();
    }

    public boolean trayAvailable() {
        return trayAvailable;
    }

    public BooleanProperty startMinimised() {
        return startMinimised;
    }

    public BooleanProperty connectAtLogin() {
        return connectAtLogin;
    }

    public ObjectProperty<String> loginProfile() {
        return loginProfile;
    }

    public BooleanProperty notifications() {
        return notifications;
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    /** True when "connect at login" is on without a profile to connect: Save is refused. */
    public BooleanBinding incomplete() {
        return connectAtLogin.and(Bindings.isNull(loginProfile));
    }

    /** Why the last save failed, or empty. */
    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }
}
