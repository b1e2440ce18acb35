package dev.roadwarrior.ui.main;

import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One profile in the main window's list: what is stored (name, gateway, method, a problem that
 * stops it from connecting) and its live connection state. Part of {@link MainWindowViewModel}.
 * FX thread (tests: any one thread).
 */
public final class ProfileRow {

    /** The connection state shown for a profile. */
    public enum State { DISCONNECTED, CONNECTING, CONNECTED, DISCONNECTING, ERROR }

    private final String name;
    private final String host;
    private final String method;
    private final Optional<String> problem;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.DISCONNECTED);
    private final StringProperty stateText = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty(false);

    ProfileRow(String name, String host, String method, Optional<String> problem) {
        this.name = name;
        this.host = host;
        this.method = method;
        this.problem = problem;
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public String method() {
        return method;
    }

    /** Why the profile cannot connect as it is (a placeholder host, a missing password), if so. */
    public Optional<String> problem() {
        return problem;
    }

    public ObjectProperty<State> state() {
        return state;
    }

    /** The state in words: "Connected for 3 min", "Connecting: gateway reached", the failure. */
    public StringProperty stateText() {
        return stateText;
    }

    /** True while this profile connects or is connected: the row's toggle. */
    public BooleanProperty active() {
        return active;
    }
}
