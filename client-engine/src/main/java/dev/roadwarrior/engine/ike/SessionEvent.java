package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.spi.TunnelConfig;

/**
 * What an {@link IkeSaSession} reports to the {@link IkeClient} that owns it. The session only
 * records these; the client drains them after each call into the session and decides then, so
 * the client never acts while the session (or its task manager) is half-way through something.
 */
sealed interface SessionEvent {

    /** Phase 1 succeeded: the gateway answered and proved who it is. */
    record Reached() implements SessionEvent {
    }

    /** Phase 1 succeeded and the gateway is to authenticate the user (XAuth). */
    record Authenticating() implements SessionEvent {
    }

    /** The session's first SA pair is installed; the host needs {@code config}. */
    record TunnelReady(TunnelConfig config, String algorithms) implements SessionEvent {
    }

    /** The SA's task manager started its phase 1 rekey: the SA is REKEYING and a new SA is to be negotiated. */
    record RekeyStarted() implements SessionEvent {
    }

    /** The gateway answers R-U-THERE but its ESP no longer arrives while ours goes out. */
    record Starved() implements SessionEvent {
    }

    /**
     * The SA ended on its own (failure, delete by the gateway, dead peer). The session is
     * {@link IkeSaState#DELETING} and does nothing more; the client may take over its SA pairs,
     * then closes it ({@link IkeSaSession#close}), telling the gateway when {@code tellGateway}.
     */
    record Ended(ConnectException why, boolean tellGateway) implements SessionEvent {
    }
}
