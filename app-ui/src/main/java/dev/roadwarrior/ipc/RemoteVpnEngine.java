package dev.roadwarrior.ipc;

import dev.roadwarrior.connect.ConnectRequests;
import dev.roadwarrior.connect.ErrorMessages;
import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectionObserver;
import dev.roadwarrior.engine.api.ConnectionObservers;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.EngineListener;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.ipc.ControlMessage.Answer;
import dev.roadwarrior.ipc.ControlMessage.Connect;
import dev.roadwarrior.ipc.ControlMessage.ConnectionStatus;
import dev.roadwarrior.ipc.ControlMessage.Disconnect;
import dev.roadwarrior.ipc.ControlMessage.ErrorCode;
import dev.roadwarrior.ipc.ControlMessage.Event;
import dev.roadwarrior.ipc.ControlMessage.Secrets;
import dev.roadwarrior.ipc.ControlMessage.Status;
import dev.roadwarrior.ipc.ControlMessage.StatusReply;
import dev.roadwarrior.ipc.ControlMessage.Subscribe;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.io.ProfileJson;
import dev.roadwarrior.profiles.model.Profile;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link VpnEngine} of the Roadwarrior service, reached over its control socket: what an
 * unprivileged user interface uses.
 *
 * <p>{@link #connect} sends the stored profile named by the request, with the request's secrets;
 * the service rebuilds the same request from them ({@link ConnectRequests#of}), so the request
 * must be one that {@code ConnectRequests.of} made from that stored profile (checked). The
 * secrets are wiped once sent. The connection belongs to the service: it stays up when this
 * engine is closed after {@code CONNECTED}; closing it before cancels the attempt. The listener
 * gets the connection's events; when the line to the service breaks it gets
 * {@code Failed(LOCAL_NETWORK_ERROR)}.
 *
 * <p>{@link #state()} and {@link #statistics()} ask the service about the connection it runs,
 * whoever started it; they block for one round trip. {@link #disconnect()} disconnects the
 * connection this engine started, or else the service's.
 *
 * <p>{@link #attach} subscribes to all the service's events; an observer hears the connection of
 * any client. When the line to the service breaks, observers get {@code Failed(LOCAL_NETWORK_ERROR)}.
 *
 * <p>Threading: as {@link VpnEngine}; events arrive on the {@code rw-control-events} thread.
 */
public final class RemoteVpnEngine implements VpnEngine, Closeable {

    private final ControlClient client;
    private final ProfileSource profiles;
    private final ConnectionObservers observers = new ConnectionObservers();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private volatile Own own;

    /** One connection started here. */
    private record Own(String name, EngineListener listener, CompletableFuture<Void> terminated) {
    }

    private RemoteVpnEngine(Path socket, ProfileSource profiles) throws ServiceException {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.client = ControlClient.open(socket, new ControlClient.Listener() {
            @Override
            public void onEvent(Event event) {
                deliver(event);
            }

            @Override
            public void onLost(ServiceException reason) {
                lost(reason);
            }
        });
    }

    /**
     * Connects to the service.
     *
     * @param socket the service's socket
     * @param profiles where {@link #connect} finds the profile of a request
     * @throws ServiceException when the service cannot be reached or refuses this user
     */
    public static RemoteVpnEngine open(Path socket, ProfileSource profiles) throws ServiceException {
        return new RemoteVpnEngine(socket, profiles);
    }

    /**
     * @throws IllegalStateException when a connection runs (in words), or the service cannot be asked
     * @throws IllegalArgumentException when the profile is unknown, does not match the request,
     *     or the service cannot use it (in words)
     */
    @Override
    public synchronized void connect(ConnectRequest request, EngineListener listener) {
        Objects.requireNonNull(listener, "listener");
        Own running = own;
        if (running != null && !running.terminated().isDone()) {
            throw new IllegalStateException("a connection is already running");
        }
        ConnectRequest.Credentials credentials = request.credentials();
        Secrets secrets = new Secrets(credentials.preSharedKey().clone(), credentials.xauthUser(),
                credentials.xauthPassword().map(char[]::clone), credentials.keyPassphrase().map(char[]::clone));
        try {
            Profile profile = storedProfileOf(request);
            Own next = new Own(request.name(), listener, new CompletableFuture<>());
            own = next;
            try {
                client.call(id -> new Connect(id, ProfileJson.toTree(profile), secrets));
            } catch (ServiceException e) {
                next.terminated().complete(null);
                if (e.errorCode().equals(Optional.of(ErrorCode.BAD_PROFILE))) {
                    throw new IllegalArgumentException(ErrorMessages.describe(e), e);
                }
                throw new IllegalStateException(ErrorMessages.describe(e), e);
            }
        } finally {
            secrets.destroy();
            credentials.destroy();
        }
    }

    private Profile storedProfileOf(ConnectRequest request) {
        Profile profile;
        try {
            profile = profiles.load(request.name());
        } catch (ProfileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        ConnectRequest rebuilt = ConnectRequests.of(profile, new byte[0], Optional.empty(), Optional.empty());
        if (!rebuilt.gatewayHost().equals(request.gatewayHost()) || rebuilt.ikePort() != request.ikePort()
                || !rebuilt.phase1().equals(request.phase1()) || !rebuilt.phase2().equals(request.phase2())
                || !rebuilt.transport().equals(request.transport()) || !rebuilt.config().equals(request.config())) {
            throw new IllegalArgumentException("the request is not the one of the stored profile " + request.name());
        }
        return profile;
    }

    @Override
    public void disconnect() {
        Own running = own;
        Optional<String> name = running == null || running.terminated().isDone() ? Optional.empty()
                : Optional.of(running.name());
        client.send(id -> new Disconnect(id, name));
    }

    @Override
    public void answer(String promptId, Map<CredentialKind, char[]> values) {
        Objects.requireNonNull(promptId, "promptId");
        try {
            client.send(id -> new Answer(id, promptId, values));
        } finally {
            values.values().forEach(v -> Arrays.fill(v, '\0'));
        }
    }

    /**
     * Subscribes to the service's events (once per engine, with statistics every second) and
     * hands them to {@code observer}; the service first sends what the observer missed of the
     * running connection.
     */
    @Override
    public Attachment attach(ConnectionObserver observer) {
        Attachment attachment = observers.attach(Objects.requireNonNull(observer, "observer"));
        if (subscribed.compareAndSet(false, true)) {
            client.send(id -> new Subscribe(id, 1));
        }
        return attachment;
    }

    /** {@link ConnectionState#DISCONNECTED} also when the service cannot be asked. */
    @Override
    public ConnectionState state() {
        return status().map(ConnectionStatus::state).orElse(ConnectionState.DISCONNECTED);
    }

    /** Empty also when the service cannot be asked. */
    @Override
    public Optional<ConnectionStatistics> statistics() {
        return status().flatMap(ConnectionStatus::statistics).map(EventMapping::toStatistics);
    }

    @Override
    public CompletableFuture<Void> terminated() {
        Own running = own;
        return running == null ? CompletableFuture.completedFuture(null) : running.terminated().copy();
    }

    /** Closes the line to the service (see the class comment for what happens to the connection). */
    @Override
    public void close() {
        client.close();
    }

    private Optional<ConnectionStatus> status() {
        try {
            return ((StatusReply) client.call(Status::new)).connection();
        } catch (ServiceException e) {
            return Optional.empty();
        }
    }

    private void deliver(Event event) {
        Optional<EngineEvent> engineEvent = EventMapping.toEngineEvent(event);
        engineEvent.ifPresent(e -> observers.publish(event.connection(), e));
        Own running = own;
        if (running == null || running.terminated().isDone() || !running.name().equals(event.connection())) {
            return;
        }
        engineEvent.ifPresent(e -> notify(running, e));
        if (engineEvent.filter(e -> e instanceof EngineEvent.Failed || e instanceof EngineEvent.Disconnected)
                .isPresent()) {
            running.terminated().complete(null);
        }
    }

    private void lost(ServiceException reason) {
        observers.endRunning(new EngineEvent.Failed(new ConnectException(FailureReason.LOCAL_NETWORK_ERROR,
                ErrorMessages.describe(reason))));
        Own running = own;
        if (running != null && !running.terminated().isDone()) {
            notify(running, new EngineEvent.Failed(new ConnectException(FailureReason.LOCAL_NETWORK_ERROR,
                    ErrorMessages.describe(reason))));
            running.terminated().complete(null);
        }
    }

    private static void notify(Own running, EngineEvent event) {
        try {
            running.listener().onEvent(event);
        } catch (RuntimeException e) {
            System.getLogger(RemoteVpnEngine.class.getName()).log(System.Logger.Level.WARNING,
                    "an engine listener failed", e);
        }
    }
}
