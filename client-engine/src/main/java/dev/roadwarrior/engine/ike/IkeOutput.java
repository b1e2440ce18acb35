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

    /** Install an ESP SA pair in the data plane; the outbound SA replaces the current one. */
    record InstallChildSa(ChildSaKeys keys) implements IkeOutput {
    }

    /** Remove an ESP SA pair from the data plane. */
    record RemoveChildSa(int inboundSpi, int outboundSpi) implements IkeOutput {
    }

    /** Report an event to the listeners. */
    record Emit(EngineEvent event) implements IkeOutput {
    }
}
