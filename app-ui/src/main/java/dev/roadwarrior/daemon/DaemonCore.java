package dev.roadwarrior.daemon;

import dev.roadwarrior.connect.Protection;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.ipc.ControlMessage.Answer;
import dev.roadwarrior.ipc.ControlMessage.Connect;
import dev.roadwarrior.ipc.ControlMessage.ConnectionStatus;
import dev.roadwarrior.ipc.ControlMessage.Disconnect;
import dev.roadwarrior.ipc.ControlMessage.ErrorCode;
import dev.roadwarrior.ipc.ControlMessage.ErrorReply;
import dev.roadwarrior.ipc.ControlMessage.Event;
import dev.roadwarrior.ipc.ControlMessage.FromService;
import dev.roadwarrior.ipc.ControlMessage.ListConnections;
import dev.roadwarrior.ipc.ControlMessage.ListReply;
import dev.roadwarrior.ipc.ControlMessage.Ok;
import dev.roadwarrior.ipc.ControlMessage.Request;
import dev.roadwarrior.ipc.ControlMessage.StateEvent;
import dev.roadwarrior.ipc.ControlMessage.StatisticsEvent;
import dev.roadwarrior.ipc.ControlMessage.Status;
import dev.roadwarrior.ipc.ControlMessage.StatusReply;
import dev.roadwarrior.ipc.ControlMessage.Subscribe;
import dev.roadwarrior.ipc.ControlMessage.TunnelUpEvent;
import dev.roadwarrior.ipc.EventMapping;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The service's logic, without sockets: one engine, many clients. It runs the requests of the
 * clients, sends each connection's events to the client that asked for it and to every
 * subscriber (a new subscriber first hears the running connection's present: settings, state,
 * counters), credential prompts and the save-password permission only to the asker, the
 * engine's counters to the asker and, as often as they asked, to subscribers, and
 * cancels an attempt whose asker goes away before the tunnel is up (once up, the tunnel stays).
 *
 * <p>Threading: every method may be called from any thread; one lock orders requests, events and
 * replies, so a client always sees a reply and the events around it in the order they happened.
 * {@link Client#send} must not block.
 */
final class DaemonCore {

    private static final System.Logger LOG = System.getLogger(DaemonCore.class.getName());
    /** How long a new connect waits for the engine to finish the connection that just ended. */
    private static final Duration PREVIOUS_END_WAIT = Duration.ofSeconds(5);

    /** One client of the service. */
    interface Client {
        /** Queues a message for the client; never blocks. */
        void send(FromService message);
    }

    /** Makes the engine's request from a connect message. */
    @FunctionalInterface
    interface RequestMapper {
        /**
         * @throws BadProfileException when the profile cannot be used (the message says why, in words)
         */
        ConnectRequest map(Connect connect) throws BadProfileException;
    }

    /** A profile the service cannot use; the message is for the user. */
    static final class BadProfileException extends Exception {
        private static final long serialVersionUID = 1L;

        BadProfileException(String message) {
            super(message);
        }
    }

    /** The connection that runs. */
    private static final class Current {
        final String name;
        final String gateway;
        Client asker;
        ConnectionState state = ConnectionState.DISCONNECTED;
        boolean wasUp;
        /** The user (or the asker going away) ended it: the kill switch may go with it. */
        boolean endedByUser;
        TunnelUpEvent up;
        StatisticsEvent statistics;
        long statisticsCount;
        final Set<String> openPrompts = new HashSet<>();

        Current(String name, String gateway, Client asker) {
            this.name = name;
            this.gateway = gateway;
            this.asker = asker;
        }
    }

    private final VpnEngine engine;
    private final RequestMapper mapper;
    private final KillSwitchGuard killSwitch;
    private final Map<Client, Integer> subscribers = new LinkedHashMap<>();
    private Current current;
    private boolean stopping;

    DaemonCore(VpnEngine engine, RequestMapper mapper, KillSwitchGuard killSwitch) {
        this.engine = engine;
        this.mapper = mapper;
        this.killSwitch = killSwitch;
    }

    /** Runs one request of {@code client}; the reply is sent to it. */
    synchronized void handle(Client client, Request request) {
        if (request instanceof Connect c) {
            client.send(connect(client, c));
        } else if (request instanceof Disconnect d) {
            client.send(disconnect(d));
        } else if (request instanceof Status s) {
            client.send(new StatusReply(s.id(), status(), killSwitch.engaged()));
        } else if (request instanceof ListConnections l) {
            client.send(new ListReply(l.id(), status().map(List::of).orElse(List.of())));
        } else if (request instanceof Subscribe s) {
            subscribers.put(client, s.statisticsSeconds());
            client.send(new Ok(s.id()));
            present(client, s.statisticsSeconds() > 0);
        } else if (request instanceof Answer a) {
            client.send(answer(client, a));
        }
    }

    private FromService connect(Client client, Connect c) {
        boolean handedOver = false;
        try {
            if (stopping) {
                return error(c, ErrorCode.STOPPING, "the service is stopping");
            }
            if (current != null) {
                return error(c, ErrorCode.BUSY, "the connection " + current.name + " is running");
            }
            ConnectRequest request;
            try {
                request = mapper.map(c);
            } catch (BadProfileException e) {
                return error(c, ErrorCode.BAD_PROFILE, e.getMessage());
            }
            awaitPreviousEnd();
            Current next = new Current(request.name(), request.gatewayHost(), client);
            try {
                killSwitch.connecting(c.profile().path("killSwitch").asBoolean(false), request.gatewayHost(),
                        request.ikePort(), request.transport().nattPort());
            } catch (IOException e) {
                request.credentials().destroy();
                LOG.log(Level.ERROR, request.name() + ": the kill switch cannot be engaged", e);
                return error(c, ErrorCode.KILL_SWITCH, "the kill switch cannot be engaged: " + e.getMessage());
            }
            try {
                engine.connect(request, event -> onEngineEvent(next, event));
            } catch (IllegalStateException e) {
                request.credentials().destroy();
                killSwitch.userDisconnected();
                return error(c, ErrorCode.BUSY, "the previous connection is still ending");
            }
            handedOver = true;
            current = next;
            LOG.log(Level.INFO, "{0}: connecting to {1} for {2}", next.name, next.gateway, client);
            return new Ok(c.id());
        } finally {
            if (handedOver) {
                Arrays.fill(c.secrets().groupPassword(), (byte) 0); // the request holds a copy; the engine wipes it
            } else {
                c.secrets().destroy();
            }
        }
    }

    /** The engine completes {@code terminated()} just after the terminal event; wait for that moment. */
    private void awaitPreviousEnd() {
        try {
            engine.terminated().get(PREVIOUS_END_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // connect() will say that the engine is busy
        }
    }

    private FromService disconnect(Disconnect d) {
        if (current == null) {
            if (killSwitch.engaged()) {
                LOG.log(Level.INFO, "disconnect requested: the kill switch of the failed connection goes");
                killSwitch.userDisconnected();
            }
            return new Ok(d.id());
        }
        if (d.connection().filter(n -> !n.equals(current.name)).isPresent()) {
            return error(d, ErrorCode.NO_SUCH_CONNECTION, "the running connection is " + current.name);
        }
        LOG.log(Level.INFO, "{0}: disconnect requested", current.name);
        current.endedByUser = true;
        engine.disconnect();
        return new Ok(d.id());
    }

    private FromService answer(Client client, Answer a) {
        if (current == null || current.asker != client || !current.openPrompts.remove(a.prompt())) {
            a.values().values().forEach(v -> Arrays.fill(v, '\0'));
            return error(a, ErrorCode.NO_SUCH_PROMPT, "no open prompt " + a.prompt() + " for this client");
        }
        LOG.log(Level.INFO, "{0}: prompt {1} answered with {2}", current.name, a.prompt(), a.values().keySet());
        engine.answer(a.prompt(), a.values());
        return new Ok(a.id());
    }

    private Optional<ConnectionStatus> status() {
        if (current == null) {
            return Optional.empty();
        }
        return Optional.of(new ConnectionStatus(current.name, current.state, current.gateway,
                engine.statistics().map(EventMapping::toMessage), protections(current)));
    }

    /** The tunnel's protections while it is up, and the kill switch when armed for this connection. */
    private List<Protection> protections(Current connection) {
        if (connection.state == ConnectionState.CONNECTED && connection.up != null) {
            return Protection.of(connection.up.config(), killSwitch.armed());
        }
        return killSwitch.armed() ? List.of(Protection.KILL_SWITCH) : List.of();
    }

    /**
     * Tells a new subscriber what it missed of the running connection: its settings while the
     * tunnel is up, its state, and its latest counters if it wants counters.
     */
    private void present(Client client, boolean withStatistics) {
        if (current == null || current.state == ConnectionState.DISCONNECTED) {
            return;
        }
        boolean connected = current.state == ConnectionState.CONNECTED;
        if (connected && current.up != null) {
            client.send(current.up);
        }
        client.send(new StateEvent(current.name, current.state));
        if (connected && withStatistics && current.statistics != null) {
            client.send(current.statistics);
        }
    }

    private void onEngineEvent(Current connection, EngineEvent event) {
        synchronized (this) {
            if (connection != current) {
                return;
            }
            log(connection, event);
            killSwitch.onEvent(event);
            Event message;
            try {
                message = EventMapping.toMessage(connection.name, event);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.DEBUG, "{0}: not forwarded: {1}", connection.name, e.getMessage());
                return;
            }
            if (event instanceof EngineEvent.StateChanged s) {
                connection.state = s.state();
                connection.wasUp |= s.state() == ConnectionState.CONNECTED;
            }
            if (event instanceof EngineEvent.CredentialsRequired c) {
                connection.openPrompts.add(c.promptId());
            }
            if (message instanceof TunnelUpEvent up) {
                connection.up = up;
            }
            if (message instanceof StatisticsEvent s) {
                sendStatistics(connection, s);
                return;
            }
            boolean askerOnly = event instanceof EngineEvent.CredentialsRequired
                    || event instanceof EngineEvent.SavePassword;
            if (connection.asker != null) {
                connection.asker.send(message);
            }
            if (!askerOnly) {
                subscribers.keySet().stream().filter(s -> s != connection.asker).forEach(s -> s.send(message));
            }
            if (event instanceof EngineEvent.Failed || event instanceof EngineEvent.Disconnected) {
                killSwitch.ended(connection.endedByUser);
                current = null;
            }
        }
    }

    private static void log(Current connection, EngineEvent event) {
        if (event instanceof EngineEvent.Failed f) {
            LOG.log(Level.WARNING, "{0}: failed: {1}", connection.name, f.error().getMessage());
        } else if (event instanceof EngineEvent.TunnelUp up) {
            LOG.log(Level.INFO, "{0}: tunnel up, address {1}/{2}, {3}", connection.name,
                    up.config().address().getHostAddress(), up.config().prefixLength(), up.algorithms());
        } else if (event instanceof EngineEvent.CredentialsRequired c) {
            LOG.log(Level.INFO, "{0}: the gateway asks for {1}", connection.name, c.fields());
        } else if (event instanceof EngineEvent.Progress p) {
            LOG.log(Level.INFO, "{0}: {1} {2}", connection.name, p.step(), p.detail());
        } else if (event instanceof EngineEvent.StateChanged s) {
            LOG.log(Level.INFO, "{0}: {1}", connection.name, s.state());
        } else if (event instanceof EngineEvent.Warning w) {
            LOG.log(Level.WARNING, "{0}: {1} {2}", connection.name, w.reason(), w.detail());
        } else if (event instanceof EngineEvent.Disconnected) {
            LOG.log(Level.INFO, "{0}: disconnected", connection.name);
        } else {
            LOG.log(Level.DEBUG, "{0}: {1}", connection.name, event.getClass().getSimpleName());
        }
    }

    /** Forgets a client that went away; cancels the attempt it asked for unless the tunnel was up. */
    synchronized void detach(Client client) {
        subscribers.remove(client);
        if (current != null && current.asker == client) {
            current.asker = null;
            current.openPrompts.clear();
            if (!current.wasUp) {
                LOG.log(Level.INFO, "{0}: {1} went away before the tunnel was up; cancelling", current.name, client);
                current.endedByUser = true;
                engine.disconnect();
            }
        }
    }

    /**
     * The engine's counters (about once a second): to the asker, and to each subscriber that
     * asked for them every {@code statisticsSeconds}.
     */
    private void sendStatistics(Current connection, StatisticsEvent message) {
        connection.statistics = message;
        long count = ++connection.statisticsCount;
        if (connection.asker != null) {
            connection.asker.send(message);
        }
        subscribers.forEach((client, seconds) -> {
            if (client != connection.asker && seconds > 0 && count % seconds == 0) {
                client.send(message);
            }
        });
    }

    /**
     * Refuses new connections, disconnects the running one and waits up to {@code grace} for the
     * host to be restored.
     *
     * @return whether the engine ended in time
     */
    boolean stop(Duration grace) {
        synchronized (this) {
            stopping = true;
            if (current != null) {
                LOG.log(Level.INFO, "{0}: disconnecting, the service stops", current.name);
                current.endedByUser = true;
                engine.disconnect();
            }
        }
        try {
            engine.terminated().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            synchronized (this) {
                killSwitch.stop();
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private static ErrorReply error(Request request, ErrorCode code, String message) {
        return new ErrorReply(Optional.of(request.id()), code, message);
    }
}
