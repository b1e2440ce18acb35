package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real TUN devices, created inside a throw-away network namespace (needs root). */
class LinuxTunDeviceNetnsTest {

    private Netns ns;
    private LinuxTunDevice tun;
    private final ExecutorService reader = Executors.newSingleThreadExecutor();

    @BeforeEach
    void setUp() throws Exception {
        ns = Netns.create();
        tun = ns.thread.call(() -> LinuxTunDevice.open("rw", 1380));
    }

    @AfterEach
    void tearDown() throws Exception {
        reader.shutdownNow();
        if (tun != null) {
            tun.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void deviceIsCreatedUpInTheNamespaceOnlyAndGoesAwayOnClose() throws Exception {
        assertEquals("rw0", tun.name());
        String link = ns.ip("link", "show", "rw0");
        assertTrue(link.contains("mtu 1380"), link);
        assertTrue(link.contains("<POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP>"), link);
        assertTrue(ns.thread.call(() -> InterfaceControl.index("rw0")).isPresent());
        assertTrue(InterfaceControl.index("rw0").isEmpty(), "the device must not appear in the test JVM's own namespace");
        tun.close();
        tun.close(); // idempotent
        assertNotEquals(0, ns.tryIp("link", "show", "rw0").code());
    }

    @Test
    void secondDeviceGetsTheNextNumber() throws Exception {
        try (LinuxTunDevice second = ns.thread.call(() -> LinuxTunDevice.open("rw", 1400))) {
            assertEquals("rw1", second.name());
        }
    }

    @Test
    void rejectsBadPrefixes() {
        assertThrows(IllegalArgumentException.class, () -> LinuxTunDevice.open("r w", 1400));
        assertThrows(IllegalArgumentException.class, () -> LinuxTunDevice.open("abcdefghijkl", 1400));
        assertThrows(IllegalArgumentException.class, () -> LinuxTunDevice.open("0rw", 1400));
    }

    @Test
    void closeWakesABlockedReader() throws Exception {
        Future<?> blocked = reader.submit(() -> {
            while (true) { // the kernel may send e.g. IPv6 solicitations: read on until closed
                tun.read(ByteBuffer.allocate(2000));
            }
        });
        Thread.sleep(300);
        assertFalse(blocked.isDone(), "reader stopped before close: " + (blocked.isDone() ? failure(blocked) : ""));
        long start = System.nanoTime();
        tun.close();
        ExecutionException e = assertThrows(ExecutionException.class, () -> blocked.get(2, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof ClosedChannelException, e.toString());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
        assertThrows(ClosedChannelException.class, () -> tun.read(ByteBuffer.allocate(2000)));
        assertThrows(ClosedChannelException.class, () -> tun.write(ByteBuffer.allocate(20)));
    }

    private static Throwable failure(Future<?> f) {
        try {
            f.get();
            return null;
        } catch (InterruptedException | ExecutionException e) {
            return e;
        }
    }

    @Test
    void pingFromTheNamespaceIsReadAndAnsweredThroughTheTun() throws Exception {
        ns.thread.run(() -> InterfaceControl.setAddress("rw0", Ipv4Network.parseAddress("10.99.0.1"), 24));
        Inet4Address peer = Ipv4Network.parseAddress("10.99.0.2");
        Process ping = ns.start("ping", "-c1", "-W3", peer.getHostAddress());
        try {
            ByteBuffer request = readIcmpTo(peer);
            assertEquals(8, request.get(20), "ICMP type echo request");
            tun.write(IcmpPackets.echoReplyTo(request));
            assertTrue(ping.waitFor(10, TimeUnit.SECONDS), "ping did not end");
            String out = new String(ping.getInputStream().readAllBytes());
            assertEquals(0, ping.exitValue(), out);
            assertTrue(out.contains("1 received"), out);
        } finally {
            ping.destroyForcibly();
        }
    }

    /**
     * A TCP stream from the namespace to a peer behind the device (the test answers its SYN): what
     * the kernel hands out with checksum and TSO offloads on is read as packets no larger than the
     * MTU, with valid IP and TCP checksums and contiguous sequence numbers, carrying the bytes sent.
     */
    @Test
    void aTcpStreamIsReadAsValidPacketsNoLargerThanTheMtu() throws Exception {
        Connected connected = connectThroughTun();
        try (SocketChannel channel = connected.channel()) {
            int clientSeq = connected.syn().getInt(24);
            byte[] data = new byte[60_000];
            new java.util.Random(3).nextBytes(data);
            int written = channel.write(ByteBuffer.wrap(data));
            assertTrue(written > 20_000, "the window takes most of it: " + written);

            java.io.ByteArrayOutputStream carried = new java.io.ByteArrayOutputStream();
            int expectedSeq = clientSeq + 1;
            while (carried.size() < 13_000) { // the initial congestion window: 10 segments, sent before any ACK
                ByteBuffer p = readTcpTo(Ipv4Network.parseAddress("10.99.0.2"));
                assertTrue(p.remaining() <= 1380, "no larger than the MTU: " + p.remaining());
                assertEquals(0, IcmpPackets.checksum(p, 0, 20), "IPv4 header checksum");
                assertEquals(0, TcpPackets.tcpChecksum(p, true), "TCP checksum");
                int payload = p.remaining() - 20 - ((p.get(32) & 0xff) >>> 4) * 4;
                if (payload == 0 || p.getInt(24) - expectedSeq < 0) {
                    continue; // the handshake's ACK, or a retransmission (the test never acknowledges)
                }
                assertEquals(expectedSeq, p.getInt(24), "contiguous sequence numbers");
                carried.write(p.array(), p.remaining() - payload, payload);
                expectedSeq += payload;
            }
            assertArrayEquals(Arrays.copyOf(data, carried.size()), carried.toByteArray());
        }
    }

    /**
     * Segments from the peer written batched leave in one write with a GSO header: the namespace's
     * TCP socket receives every byte, in order.
     */
    @Test
    void segmentsWrittenBatchedReachTheSocketAsOneStream() throws Exception {
        Connected connected = connectThroughTun();
        try (SocketChannel channel = connected.channel()) {
            ByteBuffer syn = connected.syn();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            byte[] data = new byte[6 * 1300 + 222];
            new java.util.Random(5).nextBytes(data);
            int seq = 1_001;
            for (int offset = 0; offset < data.length; offset += 1300) {
                int length = Math.min(1300, data.length - offset);
                tun.writeBatched(segmentFromPeer(syn, seq, Arrays.copyOfRange(data, offset, offset + length),
                        offset + length == data.length));
                seq += length;
            }
            tun.flush();

            ByteBuffer received = ByteBuffer.allocate(data.length + 1);
            while (received.position() < data.length) {
                assertTrue(System.nanoTime() < deadline, "received " + received.position() + " bytes");
                if (channel.read(received) == 0) {
                    Thread.sleep(10);
                }
            }
            assertArrayEquals(data, Arrays.copyOf(received.array(), received.position()));
        }
    }

    /** A data segment from the peer of the connection {@code syn} opened, ACK (PSH on the last). */
    private static ByteBuffer segmentFromPeer(ByteBuffer syn, int seq, byte[] payload, boolean last) {
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) b.capacity()).putShort((short) seq).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0);
        b.put(syn.array(), 16, 4).put(syn.array(), 12, 4);
        b.putShort(10, (short) IcmpPackets.checksum(b, 0, 20));
        b.putShort(syn.getShort(22)).putShort(syn.getShort(20)).putInt(seq).putInt(syn.getInt(24) + 1)
                .put((byte) (5 << 4)).put((byte) (last ? 0x18 : 0x10)).putShort((short) 0xffff).putShort((short) 0)
                .putShort((short) 0).put(payload);
        b.flip();
        b.putShort(36, (short) TcpPackets.tcpChecksum(b, true));
        return b;
    }

    /** A TCP socket in the namespace and the SYN it sent through the device. */
    private record Connected(SocketChannel channel, ByteBuffer syn) {
    }

    /**
     * Gives the device 10.99.0.1/24 and connects a socket in the namespace to 10.99.0.2:5001, the
     * test answering its SYN through the device (sequence number 1000).
     */
    private Connected connectThroughTun() throws Exception {
        ns.thread.run(() -> InterfaceControl.setAddress("rw0", Ipv4Network.parseAddress("10.99.0.1"), 24));
        SocketChannel channel = ns.thread.call(() -> {
            SocketChannel c = SocketChannel.open();
            c.configureBlocking(false);
            c.connect(new InetSocketAddress("10.99.0.2", 5001));
            return c;
        });
        ByteBuffer syn = readTcpTo(Ipv4Network.parseAddress("10.99.0.2"));
        tun.write(synAckTo(syn, 1_000));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!channel.finishConnect()) {
            assertTrue(System.nanoTime() < deadline, "connected");
            Thread.sleep(10);
        }
        return new Connected(channel, syn);
    }

    /** A SYN-ACK answering {@code syn} with sequence number {@code seq}, MSS 1460 and a 64 KB window. */
    private static ByteBuffer synAckTo(ByteBuffer syn, int seq) {
        ByteBuffer b = ByteBuffer.allocate(44);
        b.put((byte) 0x45).put((byte) 0).putShort((short) 44).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 6).putShort((short) 0);
        b.put(syn.array(), 16, 4).put(syn.array(), 12, 4);
        b.putShort(10, (short) IcmpPackets.checksum(b, 0, 20));
        b.putShort(syn.getShort(22)).putShort(syn.getShort(20)).putInt(seq).putInt(syn.getInt(24) + 1)
                .put((byte) (6 << 4)).put((byte) 0x12).putShort((short) 0xffff).putShort((short) 0).putShort((short) 0)
                .put((byte) 2).put((byte) 4).putShort((short) 1460);
        b.flip();
        b.putShort(36, (short) TcpPackets.tcpChecksum(b, true));
        return b;
    }

    /** Reads packets until an IPv4 TCP packet to {@code dst}. */
    private ByteBuffer readTcpTo(Inet4Address dst) throws Exception {
        for (int i = 0; i < 100; i++) {
            ByteBuffer packet = ByteBuffer.allocate(2000);
            reader.submit(() -> tun.read(packet)).get(10, TimeUnit.SECONDS);
            packet.flip();
            if (packet.remaining() >= 40 && (packet.get(0) >> 4) == 4 && packet.get(9) == 6
                    && Arrays.equals(Arrays.copyOfRange(packet.array(), 16, 20), dst.getAddress())) {
                return packet;
            }
        }
        throw new AssertionError("no TCP packet to " + dst.getHostAddress());
    }

    /** Reads packets until an IPv4 ICMP packet to {@code dst} (skipping e.g. IPv6 solicitations). */
    private ByteBuffer readIcmpTo(Inet4Address dst) throws Exception {
        for (int i = 0; i < 20; i++) {
            ByteBuffer packet = ByteBuffer.allocate(2000);
            int n = reader.submit(() -> tun.read(packet)).get(10, TimeUnit.SECONDS);
            packet.flip();
            assertEquals(n, packet.remaining());
            if (n >= 28 && (packet.get(0) >> 4) == 4 && packet.get(9) == 1
                    && Arrays.equals(Arrays.copyOfRange(packet.array(), 16, 20), dst.getAddress())) {
                assertEquals(0, IcmpPackets.checksum(packet, 0, 20), "IPv4 header checksum");
                return packet;
            }
        }
        throw new AssertionError("no ICMP packet to " + dst.getHostAddress());
    }
}
