package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.ike.ChildSaKeys;
import dev.roadwarrior.engine.ike.IkeOutput;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Carries out what the IKE session asks for, in order: datagrams go to the gateway, SAs into the
 * data plane (the IKE thread only installs, activates and removes them; the packet threads pick
 * them up), events back to the connection. A request for new sockets is only noted
 * ({@link #takeReopen}): the dispatcher may run inside a poll of the sockets.
 *
 * <p>Threading: confined to the engine thread.
 */
final class OutputDispatcher {

    /** What the connection does with the outputs that concern it. */
    interface Effects {
        /** An event the session emitted. */
        void onSessionEvent(EngineEvent event, long now);

        /** An SA pair that cannot be installed: the connection fails. */
        void installFailed(String detail);
    }

    private static final System.Logger LOG = System.getLogger(OutputDispatcher.class.getName());

    private final GatewaySockets sockets;
    private final DataPlane dataPlane;
    private final Effects effects;
    private boolean reopenDue;

    OutputDispatcher(GatewaySockets sockets, DataPlane dataPlane, Effects effects) {
        this.sockets = sockets;
        this.dataPlane = dataPlane;
        this.effects = effects;
    }

    /** Carries out the outputs in order; a datagram that cannot be sent is logged and dropped (IKE retransmits). */
    void dispatch(List<IkeOutput> outputs, long now) {
        for (IkeOutput output : outputs) {
            try {
                if (output instanceof IkeOutput.Send s) {
                    if (LOG.isLoggable(Level.TRACE)) {
                        LOG.log(Level.TRACE, "sending {0} bytes on the {1} socket", s.datagram().length,
                                s.natt() ? "NAT-T" : "IKE");
                    }
                    sockets.sendIke(s.datagram(), s.natt());
                } else if (output instanceof IkeOutput.InstallChildSa i) {
                    install(i.keys(), i.activate());
                } else if (output instanceof IkeOutput.ActivateOutbound a) {
                    dataPlane.activate(a.outboundSpi());
                } else if (output instanceof IkeOutput.RemoveChildSa r) {
                    dataPlane.remove(r.inboundSpi(), r.outboundSpi());
                } else if (output instanceof IkeOutput.OpenSockets) {
                    reopenDue = true;
                } else if (output instanceof IkeOutput.Emit e) {
                    effects.onSessionEvent(e.event(), now);
                }
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "IKE datagram not sent: {0}", e.toString());
            }
        }
    }

    /** Whether the session asked for new sockets since the last call. */
    boolean takeReopen() {
        boolean due = reopenDue;
        reopenDue = false;
        return due;
    }

    /** Installs an SA pair (make-before-break); the data plane wipes the keymat the session handed over. */
    private void install(ChildSaKeys keys, boolean activate) {
        try {
            dataPlane.install(keys, activate);
            LOG.log(Level.INFO, "installed {0}{1}", keys, activate ? "" : " (outbound pending)");
        } catch (IllegalArgumentException e) {
            effects.installFailed("cannot install " + keys + ": " + e.getMessage());
        }
    }
}
