package dev.roadwarrior.ipc;

import dev.roadwarrior.connect.Protection;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roadwarrior.connect.Protection;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.api.WarningReason;
import dev.roadwarrior.engine.spi.TunnelConfig;
import java.net.Inet4Address;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The messages of the control protocol between the Roadwarrior service and its clients: one JSON
 * object per line, its kind in {@code "type"} (see {@link ControlCodec} and the README).
 *
 * <p>A client sends {@link Request}s, each with an {@code id} of its choosing; the service
 * answers each with a {@link Reply} carrying the same id, in order. The service starts with
 * {@link Hello} and pushes {@link Event}s: those of a connection to the client that asked for
 * it, and all of them to clients that {@link Subscribe}d. Credential prompts and the
 * save-password permission go only to the client that asked for the connection.
 */
public sealed interface ControlMessage {

    /** What a client sends. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Connect.class, name = "connect"),
        @JsonSubTypes.Type(value = Disconnect.class, name = "disconnect"),
        @JsonSubTypes.Type(value = Status.class, name = "status"),
        @JsonSubTypes.Type(value = ListConnections.class, name = "list"),
        @JsonSubTypes.Type(value = Subscribe.class, name = "subscribe"),
        @JsonSubTypes.Type(value = Answer.class, name = "answer"),
    })
    sealed interface Request extends ControlMessage {
        /** The client's number for this request; the reply echoes it. */
        long id();
    }

    /** What the service sends: replies and events. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Hello.class, name = "hello"),
        @JsonSubTypes.Type(value = Ok.class, name = "ok"),
        @JsonSubTypes.Type(value = ErrorReply.class, name = "error"),
        @JsonSubTypes.Type(value = StatusReply.class, name = "status"),
        @JsonSubTypes.Type(value = ListReply.class, name = "list"),
        @JsonSubTypes.Type(value = StateEvent.class, name = "state"),
        @JsonSubTypes.Type(value = ProgressEvent.class, name = "progress"),
        @JsonSubTypes.Type(value = BannerEvent.class, name = "banner"),
        @JsonSubTypes.Type(value = PromptEvent.class, name = "prompt"),
        @JsonSubTypes.Type(value = SavePasswordEvent.class, name = "save-password"),
        @JsonSubTypes.Type(value = WarningEvent.class, name = "warning"),
        @JsonSubTypes.Type(value = TunnelUpEvent.class, name = "tunnel-up"),
        @JsonSubTypes.Type(value = StatisticsEvent.class, name = "statistics"),
        @JsonSubTypes.Type(value = FailedEvent.class, name = "failed"),
        @JsonSubTypes.Type(value = DisconnectedEvent.class, name = "disconnected"),
    })
    sealed interface FromService extends ControlMessage {
    }

    /** The answer to one request. */
    sealed interface Reply extends FromService {
        /** The id of the request answered. */
        long id();
    }

    /** Something that happened to a connection. */
    sealed interface Event extends FromService {
        /** The connection's (profile's) name. */
        String connection();
    }

    /** Why a request was refused; the client turns the code into words. */
    enum ErrorCode {
        /** The client is neither root nor in group {@code roadwarrior}; sent instead of hello, then the line closes. */
        NOT_ALLOWED,
        /** The line is not a JSON object of a known shape (bad JSON, missing or wrong fields). */
        MALFORMED,
        /** The line exceeds {@link ControlCodec#MAX_LINE_BYTES}; the service then closes the line. */
        LINE_TOO_LONG,
        /** The {@code type} names no request. */
        UNKNOWN_REQUEST,
        /** The profile sent with connect cannot be used; the message says why. */
        BAD_PROFILE,
        /** Another connection is running. */
        BUSY,
        /** No connection of that name runs. */
        NO_SUCH_CONNECTION,
        /** No open prompt of that id was sent to this client. */
        NO_SUCH_PROMPT,
        /** The profile's kill switch could not be engaged, so the connect did not start; the message says why. */
        KILL_SWITCH,
        /** The service is stopping. */
        STOPPING
    }

    // ---- requests

    /**
     * Starts a connection. The profile stays the user's: it travels here, in the JSON form of a
     * stored profile ({@code ProfileJson}), with its secrets.
     */
    record Connect(long id, ObjectNode profile, Secrets secrets) implements Request {
        public Connect {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(secrets, "secrets");
        }
    }

    /** Disconnects the running connection, if its name is {@code connection} (when given). */
    record Disconnect(long id, Optional<String> connection) implements Request {
        public Disconnect {
            connection = Objects.requireNonNullElse(connection, Optional.empty());
        }
    }

    /** Asks for the running connection's status. */
    record Status(long id) implements Request {
    }

    /** Asks for every connection the service runs (at most one today). */
    record ListConnections(long id) implements Request {
    }

    /**
     * Asks for every connection's events; with {@code statisticsSeconds} > 0 also for statistics
     * that often. After the reply the service sends what the client missed of the running
     * connection: its {@link TunnelUpEvent} (while connected), a {@link StateEvent}, and its latest
     * {@link StatisticsEvent} (while connected, if statistics were asked for).
     */
    record Subscribe(long id, int statisticsSeconds) implements Request {
        public Subscribe {
            if (statisticsSeconds < 0 || statisticsSeconds > 3600) {
                throw new IllegalArgumentException("statisticsSeconds must be 0 to 3600");
            }
        }
    }

    /** Answers a {@link PromptEvent}; an empty map declines. */
    record Answer(long id, String prompt, Map<CredentialKind, char[]> values) implements Request {
        public Answer {
            Objects.requireNonNull(prompt, "prompt");
            values = Map.copyOf(Objects.requireNonNullElse(values, Map.of()));
        }

        @Override
        public String toString() {
            return "Answer[id=" + id + ", prompt=" + prompt + ", fields=" + values.keySet() + "]";
        }
    }

    /**
     * The secrets of a connect request.
     *
     * @param groupPassword the pre-shared key (base64 in JSON); empty when the method uses none
     * @param username the XAuth user name; absent: the gateway's prompt goes to the client
     * @param password the XAuth password; absent: likewise
     * @param keyPassphrase the passphrase of the profile's private key or PKCS#12 file, if any
     */
    record Secrets(byte[] groupPassword, Optional<String> username, Optional<char[]> password,
            Optional<char[]> keyPassphrase) {
        public Secrets {
            groupPassword = Objects.requireNonNullElse(groupPassword, new byte[0]);
            username = Objects.requireNonNullElse(username, Optional.empty());
            password = Objects.requireNonNullElse(password, Optional.empty());
            keyPassphrase = Objects.requireNonNullElse(keyPassphrase, Optional.empty());
        }

        /** Overwrites the secret arrays with zeros. */
        public void destroy() {
            Arrays.fill(groupPassword, (byte) 0);
            password.ifPresent(p -> Arrays.fill(p, '\0'));
            keyPassphrase.ifPresent(p -> Arrays.fill(p, '\0'));
        }

        @Override
        public String toString() {
            return "Secrets[hidden]";
        }
    }

    // ---- replies

    /** The service's greeting: the protocol version it speaks and its own version. */
    record Hello(int protocol, String version) implements FromService {
    }

    /** The request was accepted. */
    record Ok(long id) implements Reply {
    }

    /** The request (or the client) was refused; {@code id} is absent when no request could be read. */
    record ErrorReply(Optional<Long> id, ErrorCode code, String message) implements FromService {
        public ErrorReply {
            id = Objects.requireNonNullElse(id, Optional.empty());
            Objects.requireNonNull(code, "code");
            message = Objects.requireNonNullElse(message, "");
        }
    }

    /**
     * The running connection, or none; {@code blocking} while the kill switch holds traffic back
     * (also after a failed connection, until the user disconnects).
     */
    record StatusReply(long id, Optional<ConnectionStatus> connection, boolean blocking) implements Reply {
        public StatusReply {
            connection = Objects.requireNonNullElse(connection, Optional.empty());
        }
    }

    /** Every connection. */
    record ListReply(long id, List<ConnectionStatus> connections) implements Reply {
        public ListReply {
            connections = List.copyOf(Objects.requireNonNullElse(connections, List.of()));
        }
    }

    /**
     * A connection as {@code status} shows it.
     *
     * @param name the profile name
     * @param state its state
     * @param gateway the gateway as the profile names it
     * @param statistics the tunnel's counters while it is up
     * @param protections what keeps traffic from passing beside the tunnel ({@link Protection})
     */
    record ConnectionStatus(String name, ConnectionState state, String gateway, Optional<TunnelStatistics> statistics,
            List<Protection> protections) {
        public ConnectionStatus {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(gateway, "gateway");
            statistics = Objects.requireNonNullElse(statistics, Optional.empty());
            protections = List.copyOf(Objects.requireNonNullElse(protections, List.of()));
        }
    }

    /**
     * The counters of an established tunnel (the engine's {@code ConnectionStatistics}).
     *
     * @param virtualAddress the host's address inside the tunnel
     * @param algorithms the negotiated algorithms in words
     * @param uptimeSeconds how long the tunnel has been up
     * @param bytesIn inner bytes from the gateway
     * @param packetsIn packets from the gateway
     * @param bytesOut inner bytes to the gateway
     * @param packetsOut packets to the gateway
     * @param packetsDropped ESP packets dropped either way
     * @param natTraversal whether IKE and ESP travel on the NAT-T port (false when absent)
     * @param deadPeerDetection whether dead peer detection runs (false when absent)
     * @param nextRekeySeconds seconds until the next scheduled SA renewal; absent: none scheduled
     */
    record TunnelStatistics(Inet4Address virtualAddress, String algorithms, long uptimeSeconds, long bytesIn,
            long packetsIn, long bytesOut, long packetsOut, long packetsDropped, boolean natTraversal,
            boolean deadPeerDetection, Optional<Long> nextRekeySeconds) {
        public TunnelStatistics {
            Objects.requireNonNull(virtualAddress, "virtualAddress");
            algorithms = Objects.requireNonNullElse(algorithms, "");
            nextRekeySeconds = Objects.requireNonNullElse(nextRekeySeconds, Optional.empty());
        }
    }

    // ---- events

    /** The connection entered {@code state}. */
    record StateEvent(String connection, ConnectionState state) implements Event {
        public StateEvent {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(state, "state");
        }
    }

    /** A step of progress. */
    record ProgressEvent(String connection, ProgressStep step, String detail) implements Event {
        public ProgressEvent {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(step, "step");
            detail = Objects.requireNonNullElse(detail, "");
        }
    }

    /** The gateway's login banner. */
    record BannerEvent(String connection, String text) implements Event {
        public BannerEvent {
            Objects.requireNonNull(connection, "connection");
            text = Objects.requireNonNullElse(text, "");
        }
    }

    /** The gateway asks for credentials; the client that asked for the connection answers with {@link Answer}. */
    record PromptEvent(String connection, String prompt, List<CredentialKind> fields, String message,
            String challenge, boolean repeated) implements Event {
        public PromptEvent {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(prompt, "prompt");
            fields = List.copyOf(Objects.requireNonNullElse(fields, List.of()));
            message = Objects.requireNonNullElse(message, "");
            challenge = Objects.requireNonNullElse(challenge, "");
        }
    }

    /** Whether the gateway allows the client to keep the XAuth password. */
    record SavePasswordEvent(String connection, boolean allowed) implements Event {
        public SavePasswordEvent {
            Objects.requireNonNull(connection, "connection");
        }
    }

    /** The tunnel works, but not everything could be done as asked. */
    record WarningEvent(String connection, WarningReason reason, String detail) implements Event {
        public WarningEvent {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(reason, "reason");
            detail = Objects.requireNonNullElse(detail, "");
        }
    }

    /** The tunnel is up with these settings. */
    record TunnelUpEvent(String connection, TunnelConfig config, String algorithms) implements Event {
        public TunnelUpEvent {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(config, "config");
            algorithms = Objects.requireNonNullElse(algorithms, "");
        }
    }

    /** The tunnel's counters: about every second to the asker, every {@link Subscribe#statisticsSeconds()} to subscribers. */
    record StatisticsEvent(String connection, TunnelStatistics statistics) implements Event {
        public StatisticsEvent {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(statistics, "statistics");
        }
    }

    /** The connection failed or broke; the last event of the connection. */
    record FailedEvent(String connection, FailureReason reason, String detail) implements Event {
        public FailedEvent {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(reason, "reason");
            detail = Objects.requireNonNullElse(detail, "");
        }
    }

    /** The connection is down and the host restored; the last event of the connection. */
    record DisconnectedEvent(String connection) implements Event {
        public DisconnectedEvent {
            Objects.requireNonNull(connection, "connection");
        }
    }
}
