package dev.roadwarrior.engine.api;

import dev.roadwarrior.engine.spi.TunnelConfig;

/**
 * What a connection reports while it runs: state changes, progress in plain steps, the tunnel's
 * settings once it is up, the gateway's banner, and failures. Listeners receive events in order
 * on the engine's thread and must not block.
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
     * The tunnel is up: the host may be configured with {@code config}.
     *
     * @param config what the host must set up
     * @param algorithms the negotiated algorithms in words, e.g. "IKE AES-256/SHA1/MODP2048, ESP AES-256/HMAC-SHA1-96"
     */
    record TunnelUp(TunnelConfig config, String algorithms) implements EngineEvent {
    }

    /** The attempt failed or the connection broke. */
    record Failed(ConnectException error) implements EngineEvent {
    }

    /** The connection is down and everything at the gateway is deleted (as far as it answered). */
    record Disconnected() implements EngineEvent {
    }
}
