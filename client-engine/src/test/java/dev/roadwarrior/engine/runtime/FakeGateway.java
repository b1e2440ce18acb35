package dev.roadwarrior.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.roadwarrior.engine.esp.DatagramKind;
import dev.roadwarrior.engine.esp.Direction;
import dev.roadwarrior.engine.esp.EspProcessor;
import dev.roadwarrior.engine.esp.EspResult;
import dev.roadwarrior.engine.esp.EspSa;
import dev.roadwarrior.engine.esp.SaTable;
import dev.roadwarrior.engine.esp.UdpEncapsulation;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * A gateway on loopback: two UDP sockets standing in for ports 500 and 4500, answering the
 * client from where it last sent, and the mirror images of the client's SAs.
 */
final class FakeGateway implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;

    final DatagramSocket ike;
    final DatagramSocket natt;
    private final SaTable inbound = new SaTable();
    private final EspSa outbound;
    private final EspProcessor esp = new EspProcessor();
    private volatile SocketAddress clientIke;
    private volatile SocketAddress clientNatt;

    FakeGateway() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ike = new DatagramSocket(new InetSocketAddress(loopback, 0));
        natt = new DatagramSocket(new InetSocketAddress(loopback, 0));
        ike.setSoTimeout(TIMEOUT_MILLIS);
        natt.setSoTimeout(TIMEOUT_MILLIS);
        Instant now = Instant.now();
        inbound.addInbound(EspSa.create(Direction.INBOUND, ScriptedSession.OUTBOUND_SPI, ScriptedSession.TRANSFORM,
                ScriptedSession.OUTBOUND_KEYMAT.clone(), now));
        outbound = EspSa.create(Direction.OUTBOUND, ScriptedSession.INBOUND_SPI, ScriptedSession.TRANSFORM,
                ScriptedSession.INBOUND_KEYMAT.clone(), now);
    }

    SocketAddress clientIke() {
        return clientIke;
    }

    SocketAddress clientNatt() {
        return clientNatt;
    }

    /** The next datagram on the IKE port. */
    byte[] receiveIke() throws IOException {
        DatagramPacket p = receive(ike);
        clientIke = p.getSocketAddress();
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    /** The next datagram on the NAT-T port, keepalives included. */
    byte[] receiveNattRaw() throws IOException {
        DatagramPacket p = receive(natt);
        clientNatt = p.getSocketAddress();
        return Arrays.copyOf(p.getData(), p.getLength());
    }

    /** The next datagram on the NAT-T port that is not a keepalive. */
    byte[] receiveNatt() throws IOException {
        while (true) {
            byte[] d = receiveNattRaw();
            if (UdpEncapsulation.classify(ByteBuffer.wrap(d)) != DatagramKind.KEEPALIVE) {
                return d;
            }
        }
    }

    void sendIke(byte[] datagram) throws IOException {
        ike.send(new DatagramPacket(datagram, datagram.length, clientIke));
    }

    /** Sends raw bytes to the client's NAT-T socket. */
    void sendNattRaw(byte[] datagram) throws IOException {
        natt.send(new DatagramPacket(datagram, datagram.length, clientNatt));
    }

    /** Sends an IKE message to the client's NAT-T socket, behind the non-ESP marker. */
    void sendNattIke(byte[] message) throws IOException {
        sendNattRaw(marked(message));
    }

    /** Encapsulates an inner packet with the gateway's outbound SA and sends it. */
    void sendEsp(byte[] innerPacket) throws IOException {
        sendNattRaw(seal(innerPacket));
    }

    /** The ESP packet the gateway would send for {@code innerPacket}. */
    byte[] seal(byte[] innerPacket) {
        EspResult r = esp.encapsulate(outbound, ByteBuffer.wrap(innerPacket));
        return bytes(assertInstanceOf(EspResult.Processed.class, r).packet());
    }

    /** Decapsulates an ESP packet from the client with the gateway's inbound SA. */
    byte[] open(byte[] espPacket) {
        EspResult r = esp.decapsulate(inbound, ByteBuffer.wrap(espPacket));
        return bytes(assertInstanceOf(EspResult.Processed.class, r).packet());
    }

    static byte[] marked(byte[] message) {
        return bytes(UdpEncapsulation.addNonEspMarker(ByteBuffer.wrap(message)));
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    private static DatagramPacket receive(DatagramSocket socket) throws IOException {
        DatagramPacket p = new DatagramPacket(new byte[65_535], 65_535);
        socket.receive(p);
        return p;
    }

    @Override
    public void close() {
        ike.close();
        natt.close();
    }
}
