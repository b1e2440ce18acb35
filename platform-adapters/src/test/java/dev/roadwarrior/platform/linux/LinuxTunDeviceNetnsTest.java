package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
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
