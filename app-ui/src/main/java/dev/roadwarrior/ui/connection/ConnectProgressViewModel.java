package dev.roadwarrior.ui.connection;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/**
 * What the connect progress view shows of the {@link ConnectionViewModel}: a title naming the
 * profile, the steps so far, whether the connect runs, the failure and notes in words; and
 * Cancel.
 *
 * <p>Threading: UI thread.
 */
public final class ConnectProgressViewModel {

    private final ConnectionViewModel connection;
    private final StringBinding title;

    public ConnectProgressViewModel(ConnectionViewModel connection) {
        this.connection = connection;
        this.title = Bindings.createStringBinding(
                () -> StatusFormat.format("progress.title", connection.activeProfileProperty().get()),
                connection.activeProfileProperty());
    }

    /** "Connecting to ‹profile›". */
    public StringBinding titleProperty() {
        return title;
    }

    /** The steps so far, in words. */
    public ObservableList<String> steps() {
        return connection.steps();
    }

    /** Whether the connect (or a disconnect) runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return connection.busyProperty();
    }

    /** The failure in words; empty when none. */
    public ReadOnlyStringProperty failureProperty() {
        return connection.failureProperty();
    }

    /** The last warning or note; empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return connection.noticeProperty();
    }

    /** Cancels the connect (disconnects). */
    public void cancel() {
        connection.disconnect();
    }
}
