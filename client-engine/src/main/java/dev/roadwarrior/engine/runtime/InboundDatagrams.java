package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.esp.PathMtu;
import dev.roadwarrior.engine.esp.UdpEncapsulation;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

/**
 * Sorts the datagrams that arrive from the gateway (RFC 3948 on the NAT-T port): IKE messages go
 * to the session, ESP packets are decapsulated and written to the TUN device, keepalives and
 * invalid datagrams are dropped. A datagram whose handling fails is dropped, never the connection.
 * Inner packets go to the TUN device batched: consecutive segments of a TCP stream that arrive in
 * one poll leave in one write, at the {@link #endOfBatch}.
 *
 * <p>Threading: the engine thread only.
 */
final class InboundDatagrams implements GatewaySockets.DatagramHandler {

    /** Where an IKE message goes (the session, then the output dispatcher). */
    interface IkeReceiver {
        void receive(byte[] message, boolean viaNatt);
    }

    private static final System.Logger LOG = System.getLogger(InboundDatagrams.class.getName());

    private final IkeReceiver ike;
    private final DataPlane dataPlane;
    private final HostTunnel host;
    private final TunnelMtu mtu;
    private final LongSupplier clock;

    InboundDatagrams(IkeReceiver ike, DataPlane dataPlane, HostTunnel host, TunnelMtu mtu, LongSupplier clock) {
        this.ike = ike;
        this.dataPlane = dataPlane;
        this.host = host;
        this.mtu = mtu;
        this.clock = clock;
    }

    /** Handles one datagram, received on the IKE port or ({@code viaNatt}) on the NAT-T port. */
    @Override
    public void onDatagram(ByteBuffer datagram, boolean viaNatt) {
        try {
            if (!viaNatt) {
                receiveIke(datagram, false);
                return;
            }
            switch (UdpEncapsulation.classify(datagram)) {
                case IKE -> receiveIke(UdpEncapsulation.stripNonEspMarker(datagram), true);
                case ESP -> deliverEsp(datagram);
                case KEEPALIVE -> { }
                case INVALID -> LOG.log(Level.DEBUG, "dropped an invalid datagram of {0} bytes on the NAT-T port",
                        datagram.remaining());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "dropped a datagram whose handling failed", e);
        }
    }

    /** Writes the inner packets held back for batching. */
    @Override
    public void endOfBatch() {
        try {
            host.flush();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "inbound packets not written to the TUN device: {0}", e.toString());
        }
    }

    private void receiveIke(ByteBuffer message, boolean viaNatt) {
        byte[] bytes = new byte[message.remaining()];
        message.get(bytes);
        ike.receive(bytes, viaNatt);
    }

    private void deliverEsp(ByteBuffer packet) {
        if (!host.configured()) {
            return; // ESP before the host is configured has nowhere to go
        }
        ByteBuffer inner = dataPlane.decapsulate(packet, clock.getAsLong());
        if (inner != null) {
            PathMtu.clampMss(inner, PathMtu.mss(mtu.inner())); // a SYN-ACK: our side sends no more than fits
            try {
                host.writeBatched(inner);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "inbound packet not written to the TUN device: {0}", e.toString());
            }
        }
    }
}
