package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.esp.UdpEncapsulation;
import java.io.Closeable;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Optional;

/**
 * The two UDP sockets of a connection, each connected to the gateway: the IKE socket to the
 * gateway's IKE port and the NAT-T socket to its NAT-T port, plus the selector that waits on both.
 * IPv4 only, like the rest of the engine.
 *
 * <p>Threading: {@link #poll}, {@link #sendIke}, {@link #sendKeepalive} and {@link #close} are
 * called by the engine thread; {@link #sendEsp} by the TUN thread (channel writes are thread-safe);
 * {@link #wakeup} from any thread.
 */
final class GatewaySockets implements Closeable {

    /** Receives one datagram; the buffer is valid only during the call. */
    interface DatagramHandler {
        void onDatagram(ByteBuffer datagram, boolean viaNatt);

        /** Called after the datagrams of one {@link #poll}, if any. */
        default void endOfBatch() {
        }
    }

    private static final System.Logger LOG = System.getLogger(GatewaySockets.class.getName());
    private static final int MAX_DATAGRAM = 65_535;
    /** Datagrams read from one socket per wakeup, so that timers are not starved. */
    private static final int READ_BATCH = 64;

    private final Selector selector;
    private final InetSocketAddress gateway;
    private final int nattPort;
    private final InetSocketAddress ikeBind;
    private final InetSocketAddress nattBind;
    private final ByteBuffer receiveBuffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private volatile DatagramChannel ike;
    private volatile DatagramChannel natt;
    private volatile Runnable onMessageTooLong = () -> { };

    private GatewaySockets(Selector selector, DatagramChannel ike, DatagramChannel natt, InetSocketAddress gateway,
            int nattPort, InetSocketAddress ikeBind, InetSocketAddress nattBind) {
        this.selector = selector;
        this.ike = ike;
        this.natt = natt;
        this.gateway = gateway;
        this.nattPort = nattPort;
        this.ikeBind = ikeBind;
        this.nattBind = nattBind;
    }

    /**
     * Resolves the gateway's host name (or parses its dotted address) to an IPv4 address.
     *
     * @throws ConnectException with {@link FailureReason#GATEWAY_UNKNOWN_HOST} when it has none
     */
    static Inet4Address resolve(String host) throws ConnectException {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a instanceof Inet4Address v4) {
                    return v4;
                }
            }
            throw new ConnectException(FailureReason.GATEWAY_UNKNOWN_HOST, host + " has no IPv4 address");
        } catch (UnknownHostException e) {
            throw new ConnectException(FailureReason.GATEWAY_UNKNOWN_HOST, host, e);
        }
    }

    /**
     * Opens both sockets, binds them to the given local addresses (port 0: ephemeral) and
     * connects them to the gateway.
     */
    static GatewaySockets open(InetAddress gatewayAddress, int ikePort, int nattPort,
            InetSocketAddress ikeBind, InetSocketAddress nattBind) throws IOException {
        Selector selector = Selector.open();
        DatagramChannel ike = null;
        DatagramChannel natt = null;
        try {
            ike = openChannel(selector, ikeBind, new InetSocketAddress(gatewayAddress, ikePort));
            natt = openChannel(selector, nattBind, new InetSocketAddress(gatewayAddress, nattPort));
            return new GatewaySockets(selector, ike, natt, new InetSocketAddress(gatewayAddress, ikePort), nattPort,
                    ikeBind, nattBind);
        } catch (IOException | RuntimeException e) {
            closeQuietly(ike);
            closeQuietly(natt);
            closeQuietly(selector);
            throw e;
        }
    }

    private static DatagramChannel openChannel(Selector selector, InetSocketAddress bind, InetSocketAddress peer)
            throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            channel.bind(bind);
            channel.connect(peer);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Closes both sockets and opens new ones from the same bind addresses (with ephemeral ports:
     * new ones, so a NAT on the way makes a new mapping). Sends in progress on the TUN thread may
     * fail meanwhile; they are dropped.
     *
     * @throws IOException when the new sockets cannot be opened or connected (no route); the old
     *     ones are closed all the same
     */
    void reopen() throws IOException {
        closeQuietly(ike);
        closeQuietly(natt);
        selector.selectNow(); // lets the selector drop the keys of the closed channels
        ike = openChannel(selector, ikeBind, gateway);
        try {
            natt = openChannel(selector, nattBind, new InetSocketAddress(gateway.getAddress(), nattPort));
        } catch (IOException | RuntimeException e) {
            closeQuietly(ike);
            throw e;
        }
    }

    /**
     * The local address the host would now use towards the gateway (a route lookup; nothing is
     * sent), or empty when there is no route.
     */
    Optional<InetAddress> routeSource() {
        try (DatagramChannel probe = DatagramChannel.open(StandardProtocolFamily.INET)) {
            probe.connect(gateway);
            return Optional.of(((InetSocketAddress) probe.getLocalAddress()).getAddress());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The local address of the IKE socket: after connecting, the source address towards the gateway. */
    InetSocketAddress localIke() throws IOException {
        return (InetSocketAddress) ike.getLocalAddress();
    }

    /** The local address of the NAT-T socket. */
    InetSocketAddress localNatt() throws IOException {
        return (InetSocketAddress) natt.getLocalAddress();
    }

    /** The gateway's address and IKE port. */
    InetSocketAddress gateway() {
        return gateway;
    }

    /** Sends an IKE message: on the NAT-T socket with the non-ESP marker, or on the IKE socket. */
    void sendIke(byte[] message, boolean viaNatt) throws IOException {
        if (viaNatt) {
            natt.write(UdpEncapsulation.addNonEspMarker(ByteBuffer.wrap(message)));
        } else {
            ike.write(ByteBuffer.wrap(message));
        }
    }

    /** Sends an ESP packet (position to limit) on the NAT-T socket. */
    void sendEsp(ByteBuffer packet) throws IOException {
        natt.write(packet);
    }

    /** Sends a NAT-keepalive on the NAT-T socket. */
    void sendKeepalive() throws IOException {
        natt.write(UdpEncapsulation.keepalive());
    }

    /**
     * Whether a socket call failed because a datagram was longer than the path MTU the kernel
     * learned (EMSGSIZE, reported on the next call after the ICMP "fragmentation needed" came).
     */
    static boolean messageTooLong(IOException e) {
        return e instanceof SocketException && String.valueOf(e.getMessage()).contains("Message too long");
    }

    /** Called (on the engine thread) when {@link #poll} meets {@link #messageTooLong}. */
    void onMessageTooLong(Runnable action) {
        onMessageTooLong = action;
    }

    /** Makes a {@link #poll} in progress, or the next one, return at once. */
    void wakeup() {
        selector.wakeup();
    }

    /**
     * Waits until a datagram arrives, the timeout passes or {@link #wakeup} is called, then hands
     * the datagrams that have arrived to {@code handler}. An ICMP port unreachable reported on a
     * socket is logged and skipped (IKE retransmits; giving up is the session's decision), and so
     * is EMSGSIZE ({@link #messageTooLong}), after telling {@link #onMessageTooLong}: a smaller path
     * MTU never ends the connection.
     *
     * @param timeoutMillis the longest wait; 0 waits without limit
     * @throws IOException when the selector or a socket fails for good
     */
    void poll(long timeoutMillis, DatagramHandler handler) throws IOException {
        selector.select(timeoutMillis);
        for (SelectionKey key : selector.selectedKeys()) {
            if (!key.isValid()) {
                continue; // a channel closed by reopen()
            }
            DatagramChannel channel = (DatagramChannel) key.channel();
            boolean viaNatt = channel == natt;
            for (int i = 0; i < READ_BATCH; i++) {
                receiveBuffer.clear();
                try {
                    if (channel.receive(receiveBuffer) == null) {
                        break;
                    }
                } catch (PortUnreachableException e) {
                    LOG.log(Level.DEBUG, "gateway port unreachable ({0})", viaNatt ? "NAT-T" : "IKE");
                    continue;
                } catch (SocketException e) {
                    if (!messageTooLong(e)) {
                        throw e;
                    }
                    LOG.log(Level.INFO, "a datagram to the gateway was too long for the path ({0})", e.getMessage());
                    onMessageTooLong.run();
                    continue;
                }
                receiveBuffer.flip();
                handler.onDatagram(receiveBuffer, viaNatt);
            }
        }
        if (!selector.selectedKeys().isEmpty()) {
            handler.endOfBatch();
        }
        selector.selectedKeys().clear();
    }

    /** Closes both sockets and the selector. */
    @Override
    public void close() {
        closeQuietly(ike);
        closeQuietly(natt);
        closeQuietly(selector);
    }

    private static void closeQuietly(Closeable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "closing failed: {0}", e.toString());
        }
    }
}
