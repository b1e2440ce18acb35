package dev.roadwarrior.ui.connection;

import dev.roadwarrior.connect.ConnectFailure;
import dev.roadwarrior.connect.ConnectOptions;
import dev.roadwarrior.connect.ConnectService;
import dev.roadwarrior.connect.ErrorMessages;
import dev.roadwarrior.connect.Prompt;
import dev.roadwarrior.connect.PromptAnswer;
import dev.roadwarrior.daemon.EngineLocator;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.ipc.ServiceException;
import dev.roadwarrior.ipc.ServicePaths;
import dev.roadwarrior.profiles.ProfileLibrary;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The app's live connection: which profile is active, the state of each profile, the progress of
 * a connect in plain steps, the last failure in the CLI's sentences, the tunnel's status and a
 * throughput history; and the actions connect, disconnect and answering prompts. The main
 * window, the tray and the connection screens all bind to this one object.
 *
 * <p>It watches the engine with {@link VpnEngine#attach}, so a connection started elsewhere
 * ({@code roadwarrior connect}, another window) shows here too and can be disconnected here.
 * Connects go through the {@link ConnectService} shared with the CLI: the profile's secrets
 * come from the secret store, what is missing is asked through the {@link DialogService}.
 *
 * <p>Threading: call every method and read every property on the UI thread. Engine calls and
 * connect preparation run on the background executor; engine events reach this object only
 * through the {@link EngineEventBridge}.
 */
public final class ConnectionViewModel implements AutoCloseable {

    private final EngineSource engines;
    private final ConnectService service;
    private final DialogService dialogs;
    private final Executor background;
    private final EngineEventBridge bridge;
    private final ConnectionModel model;
    private final PromptBroker prompts;
    private final ReadOnlyStringWrapper serviceProblem = new ReadOnlyStringWrapper(this, "serviceProblem", "");
    private final Object engineLock = new Object();
    private EngineLocator.Located located; // guarded by engineLock
    /** Whether {@link #located} is the service; read on the UI thread without the lock. */
    private volatile boolean inService;
    private VpnEngine.Attachment attachment; // guarded by engineLock

    /**
     * @param engines where the engine comes from
     * @param service the connect service shared with the CLI
     * @param dialogs shows prompts and banners
     * @param background runs engine calls and connect preparation (may block on a prompt)
     * @param bridge brings events to the UI thread
     * @param clock the wall clock, for "connected since" and the chart's times
     */
    public ConnectionViewModel(EngineSource engines, ConnectService service, DialogService dialogs,
            Executor background, EngineEventBridge bridge, Clock clock) {
        this.engines = Objects.requireNonNull(engines, "engines");
        this.service = Objects.requireNonNull(service, "service");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.background = Objects.requireNonNull(background, "background");
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.model = new ConnectionModel(Objects.requireNonNull(clock, "clock"), dialogs);
        this.prompts = new PromptBroker(bridge, dialogs, model);
    }

    /**
     * The view model of the desktop app: the service's engine (or, as root, one in-process), the
     * user's profile library, events on the FX thread, engine work on daemon threads.
     */
    public static ConnectionViewModel forApp(ProfileLibrary library, DialogService dialogs) {
        ExecutorService background = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "rw-ui-engine");
            t.setDaemon(true);
            return t;
        });
        return new ConnectionViewModel(() -> EngineLocator.locate(ServicePaths.fromEnvironment(), library::load),
                new ConnectService(library), dialogs, background, EngineEventBridge.fxThread(), Clock.systemDefaultZone());
    }

    /**
     * Finds the engine and starts watching it, in the background: a connection that already runs
     * appears at once. When no engine can be had, {@link #serviceProblemProperty()} says why;
     * {@link #connect} tries again.
     */
    public void start() {
        background.execute(() -> {
            try {
                engine();
            } catch (ServiceException e) {
                String why = ErrorMessages.describe(e);
                bridge.run(() -> serviceProblem.set(why));
            }
        });
    }

    /**
     * Connects with the stored profile {@code profile}: secrets from the secret store, missing
     * ones asked in a prompt. Ignored while a connection is being set up or torn down, or while
     * this profile is connected; while another profile is connected, {@link #failures()} says
     * to disconnect it first. A failure shows in {@link #failureProperty()} and {@link #failures()}.
     */
    public void connect(String profile) {
        Objects.requireNonNull(profile, "profile");
        if (!model.mayConnect(profile)) {
            return;
        }
        model.connecting(profile);
        background.execute(() -> {
            try {
                VpnEngine engine = engine();
                ConnectService.Prepared prepared = service.prepare(profile, ConnectOptions.NONE, prompts);
                service.start(engine, prepared, prompts, event -> {
                    // the attached observer hears every event; the session answers the prompts
                });
            } catch (ServiceException e) {
                String why = ErrorMessages.describe(e);
                bridge.run(() -> {
                    serviceProblem.set(why);
                    model.notStarted(profile, why);
                });
            } catch (ConnectFailure e) {
                bridge.run(() -> model.notStarted(profile, e.getMessage()));
            }
        });
    }

    /**
     * Whether the kill switch guards {@code profile}'s connection: the profile has it on and the
     * service runs the connection (only the service has it).
     */
    public boolean killSwitch(String profile) {
        return inService && service.killSwitch(profile);
    }

    /** Disconnects the running connection, whoever started it; cancels an open prompt. */
    public void disconnect() {
        prompts.cancel();
        if (model.state().get() != ConnectionState.DISCONNECTED) {
            model.disconnecting();
        }
        background.execute(() -> {
            synchronized (engineLock) {
                if (located != null) {
                    located.engine().disconnect();
                }
            }
        });
    }

    /** Answers the open prompt ({@link #promptProperty()}); the view model takes the arrays. */
    public void answerPrompt(PromptAnswer answer) {
        prompts.answer(answer);
    }

    /** Cancels the open prompt, which cancels the connect. */
    public void cancelPrompt() {
        prompts.cancel();
    }

    /** The profile of the running (or last) connection; empty when there was none. */
    public ReadOnlyStringProperty activeProfileProperty() {
        return model.activeProfile();
    }

    /** The state of the active connection. */
    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return model.state();
    }

    /** The state of every profile that had a connection (absent: {@code DISCONNECTED}); read-only. */
    public ObservableMap<String, ConnectionState> states() {
        return model.states();
    }

    /** The state of {@code profile}. */
    public ConnectionState stateOf(String profile) {
        return model.states().getOrDefault(profile, ConnectionState.DISCONNECTED);
    }

    /** The last failure of each profile, in words, until it connects again; read-only. */
    public ObservableMap<String, String> failures() {
        return model.failures();
    }

    /** The progress of the current connect in plain steps ("Gateway reached", ...); read-only. */
    public ObservableList<String> steps() {
        return model.steps();
    }

    /** The last failure of the active connection in words; empty when none. */
    public ReadOnlyStringProperty failureProperty() {
        return model.failure();
    }

    /** The last warning or note (e.g. "Password saved ...") in words; empty when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return model.notice();
    }

    /** Why the engine cannot be reached (e.g. the service does not run); empty when it can. */
    public ReadOnlyStringProperty serviceProblemProperty() {
        return serviceProblem.getReadOnlyProperty();
    }

    /** The tunnel's settings and counters; {@link StatusDetails#NONE} while no tunnel is up. */
    public ReadOnlyObjectProperty<StatusDetails> statusProperty() {
        return model.status();
    }

    /** The throughput of the last {@value ConnectionModel#HISTORY_SECONDS} seconds, oldest first; read-only. */
    public ObservableList<ThroughputSample> throughput() {
        return model.throughput();
    }

    /** Whether the active connection is up. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return model.connected();
    }

    /** Whether a connect or disconnect is under way (connect is then ignored). */
    public ReadOnlyBooleanProperty busyProperty() {
        return model.busy();
    }

    /** The prompt waiting for the user's answer; null when none. */
    public ReadOnlyObjectProperty<Prompt> promptProperty() {
        return prompts.pending();
    }

    /** Stops watching the engine and closes the line to the service (a connection in the service stays). */
    @Override
    public void close() {
        prompts.cancel();
        synchronized (engineLock) {
            if (attachment != null) {
                attachment.close();
            }
            if (located != null) {
                located.close();
            }
            attachment = null;
            located = null;
            inService = false;
        }
    }

    /** The engine, found and watched on first use; background thread. */
    private VpnEngine engine() throws ServiceException {
        synchronized (engineLock) {
            if (located == null) {
                located = engines.locate();
                inService = located.inService();
                attachment = located.engine().attach(bridge.observer(model::onEvent));
                bridge.run(() -> serviceProblem.set(""));
            }
            return located.engine();
        }
    }
}
