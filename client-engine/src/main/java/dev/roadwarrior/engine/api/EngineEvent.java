package dev.roadwarrior.engine.api;

import dev.roadwarrior.engine.spi.TunnelConfig;
import java.util.List;

/**
 * What a connection reports while it runs: state changes, progress in plain steps, prompts for
 * credentials, the tunnel's settings once it is up, its counters while it is up, the gateway's
 * banner, warnings, and failures.
 * Listeners receive events in order on the engine's thread and must not block.
 */
public sealed interface EngineEvent {

    /** The connection entered {@code state}. */
    record StateChanged(ConnectionState state) implements EngineEvent {
    }

    /** One step of progress; {@code detail} is technical (algorithms, addresses), never a secret. */
    record Progress(ProgressStep step, String detail) implements EngineEvent {
    }

    /** The gateway's login banner, to show to the user. */
    record Banner(String text) implements EngineEvent {
    }

    /**
     * The gateway asks for credentials the request did not hold: a one-time code, a new PIN, the
     * answer to a challenge, or a password again in a further round. Ask the user for
     * {@code fields} (showing {@code message} and {@code challenge}) and pass the values to
     * {@link VpnEngine#answer}. An unanswered prompt ends the connection with
     * {@link FailureReason#CREDENTIALS_MISSING} after {@link #TIMEOUT_SECONDS}.
     *
     * @param promptId identifies the prompt in the answer; unique within the connection
     * @param fields what to ask for, in order, never empty
     * @param message the gateway's text (XAUTH_MESSAGE), e.g. "Enter the code shown on your token"; may be empty
     * @param challenge the gateway's challenge (XAUTH_CHALLENGE) as text; may be empty
     * @param repeated whether the gateway asks again for a password it was already given
     *     (usually: the first one was wrong)
     */
    record CredentialsRequired(String promptId, List<CredentialKind> fields, String message, String challenge,
            boolean repeated) implements EngineEvent {

        /** How long the engine waits for the answer. */
        public static final int TIMEOUT_SECONDS = 120;

        public CredentialsRequired {
            fields = List.copyOf(fields);
            if (fields.isEmpty()) {
                throw new IllegalArgumentException("a prompt needs at least one field");
            }
        }
    }

    /**
     * Whether the gateway allows keeping the XAuth password (Cisco Unity SAVE_PASSWD); sent once
     * after the configuration arrived, on connections that use XAuth. Without permission a client
     * must not store the password.
     */
    record SavePassword(boolean allowed) implements EngineEvent {
    }

    /** The tunnel works, but not everything could be done as asked; {@code detail} is technical. */
    record Warning(WarningReason reason, String detail) implements EngineEvent {
    }

    /**
     * The tunnel is up: the host may be configured with {@code config}.
     *
     * @param config what the host must set up
     * @param algorithms the negotiated algorithms in words, e.g. "IKE AES-256/SHA1/MODP2048, ESP AES-256/HMAC-SHA1-96"
     */
    record TunnelUp(TunnelConfig config, String algorithms) implements EngineEvent {
    }

    /**
     * The tunnel's counters, about once a second while it is up (from the first {@code TunnelUp}
     * until the teardown begins), so that a user interface needs no polling.
     */
    record Statistics(ConnectionStatistics statistics) implements EngineEvent {
        public Statistics {
            java.util.Objects.requireNonNull(statistics, "statistics");
        }
    }

    /** The attempt failed or the connection broke. */
    record Failed(ConnectException error) implements EngineEvent {
    }

    /** The connection is down and everything at the gateway is deleted (as far as it answered). */
    record Disconnected() implements EngineEvent {
    }
}
