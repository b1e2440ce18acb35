package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.EngineEvent;

/** What the sans-IO {@link IkeSession} asks its runtime to do. */
public sealed interface IkeOutput {

    /**
     * Send an IKE datagram to the gateway.
     *
     * @param datagram the ISAKMP message, without a non-ESP marker
     * @param natt true: from the NAT-T socket to the gateway's NAT-T port, prefixed with the
     *     4-byte non-ESP marker; false: from the IKE socket to the gateway's IKE port
     */
    record Send(byte[] datagram, boolean natt) implements IkeOutput {
    }

    /**
     * Install an ESP SA pair in the data plane (make-before-break): the inbound SA at once, next
     * to those already there; the outbound SA replaces the current one at once when
     * {@code activate}, else only on {@link ActivateOutbound} (after the gateway has had time to
     * install its inbound side).
     */
    record InstallChildSa(ChildSaKeys keys, boolean activate) implements IkeOutput {
        /** An SA pair whose outbound SA is used at once. */
        public InstallChildSa(ChildSaKeys keys) {
            this(keys, true);
        }
    }

    /** Start sending with the installed outbound SA that has this SPI. */
    record ActivateOutbound(int outboundSpi) implements IkeOutput {
    }

    /** Remove an ESP SA pair from the data plane. */
    record RemoveChildSa(int inboundSpi, int outboundSpi) implements IkeOutput {
    }

    /**
     * Close both sockets and open new ones towards the same gateway from new local ports (a new
     * NAT mapping), then call {@link IkeSession#socketsOpened} or {@link IkeSession#socketsFailed}.
     * Installed SAs and the host configuration stay as they are.
     */
    record OpenSockets() implements IkeOutput {
    }

    /** Report an event to the listeners. */
    record Emit(EngineEvent event) implements IkeOutput {
    }
}
