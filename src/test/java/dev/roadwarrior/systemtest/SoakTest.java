package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15, the soak: one connection for {@code -Droadwarrior.soak.minutes} under everything at
 * once, on the seeded schedule of {@link SoakSchedule} (printed first; {@code
 * -Droadwarrior.soak.seed} replays one): short lifetimes on either side, 0–10 % random loss, the
 * gateway stopped for 5–20 s, NAT mapping changes, bursts of duplicated and reordered datagrams,
 * while {@link SoakStream} sends 2 MB/s through the tunnel to the protected host, which checks
 * every byte.
 *
 * <p>Fails on a corrupted byte, an outage longer than the fault that caused it plus 15 s (an
 * outage with no fault of ours, such as one from a rekey or loss, may last 15 s), a client that
 * exits, resident memory that grows by more than {@value #RSS_GROWTH_MB} MB or open file
 * descriptors by more than {@value #FD_GROWTH} between 20 s into the transfer and the end (memory
 * read after a full collection), and a host
 * that is not restored after the disconnect. Reports bytes verified, outages, rekeys and
 * reconnects, memory and descriptors. Off unless the property is set (CI runs 10 minutes).
 */
@ExtendWith(LabExtension.class)
@EnabledIfSystemProperty(named = "roadwarrior.soak.minutes", matches = "[1-9][0-9]*")
class SoakTest {

    static final int RSS_GROWTH_MB = 64;
    static final int FD_GROWTH = 16;

    private static final String PASSWORD = "alice-password";
    private static final int PORT = 5001;
    private static final long BYTES_PER_SECOND = 2L * 1024 * 1024;
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Pattern IKE_UP = Pattern.compile("IKE_SA rw\\[\\d+\\] established");
    private static final Pattern CHILD_UP = Pattern.compile("CHILD_SA rw\\{\\d+\\} established");

    private RoadwarriorClient client;

    /** A fault as it happened. */
    private record Applied(SoakSchedule.Fault fault, long startNanos, long endNanos) {}

    @AfterEach
    void closeClient() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void oneConnectionSurvivesEverythingAtOnce(Lab lab, TestReporter reporter) throws Exception {
        int minutes = Integer.getInteger("roadwarrior.soak.minutes");
        long seed = Long.getLong("roadwarrior.soak.seed", System.currentTimeMillis());
        SoakSchedule schedule = SoakSchedule.draw(seed, minutes);
        System.out.println(schedule);
        Files.writeString(lab.logDir().resolve("schedule.txt"), schedule.toString());

        GatewayConfig base = GatewayConfig.defaults();
        StrongswanGateway gateway = StrongswanGateway.start(lab, schedule.gateway().apply(base));
        RouterControl router = new RouterControl(lab);
        client = new RoadwarriorClient(lab);
        Path resolv = Path.of("/etc/netns", lab.namespace(LabNode.CLIENT), "resolv.conf");
        byte[] originalResolv = Files.readAllBytes(resolv);
        RoadwarriorConnectTest.HostSnapshot before = RoadwarriorConnectTest.HostSnapshot.take(lab);
        client.importProfile(RoadwarriorClient.VpnFile.labPskXauth().n("phase1-life-secs", schedule.phase1Seconds())
                .n("phase2-life-secs", schedule.phase2Seconds()).write(client.home().resolve("soak.vpn")), "soak");
        LabProcess connect = client.connect("soak", List.of("--password-stdin"), List.of(PASSWORD));
        RoadwarriorClient.awaitTunnel(connect, gateway);
        long clientPid = javaPid(connect.pid());

        Path status = lab.runDir().resolve("soak-status");
        lab.spawn(LabNode.PROTECTED, "soak-receive", stream("receive", Integer.toString(PORT), status.toString()));
        LabProcess sender = lab.spawn(LabNode.CLIENT, "soak-send",
                stream("send", Topology.PROTECTED_IP, Integer.toString(PORT), Long.toString(BYTES_PER_SECOND)));
        List<Applied> applied = new ArrayList<>();
        int[] rekeys = new int[2];
        try (SoakProgress progress = new SoakProgress(status)) {
            Waits.until(Duration.ofSeconds(60), () -> progress.verified() > 0, () -> "the first bytes through the tunnel:\n"
                    + sender.output());
            long start = System.nanoTime();
            Waits.sleep(Duration.ofSeconds(20));
            long[] first = usage(clientPid);
            RouterControl.DropRule loss = null;
            boolean secondAddress = false;
            for (SoakSchedule.Fault f : schedule.faults()) {
                Waits.sleep(Duration.ofNanos(Math.max(0, start + f.atSeconds() * 1_000_000_000L - System.nanoTime())));
                assertTrue(connect.isAlive(), "the client exited:\n" + connect.output());
                long faultStart = System.nanoTime();
                System.out.println("soak: " + f);
                if (loss != null) {
                    loss.remove();
                }
                loss = f.lossPercent() > 0 ? router.dropUdpAtRandom(f.lossPercent() / 100) : null;
                switch (f.kind()) {
                    case GATEWAY_STOPPED -> {
                        gateway.stop();
                        Waits.sleep(Duration.ofSeconds(f.seconds()));
                        gateway.start();
                        gateway.load(f.gatewayAfter().apply(base));
                    }
                    case NAT_CHANGED -> {
                        secondAddress = !secondAddress;
                        router.movePublicAddress(secondAddress ? Topology.ROUTER_WAN_IP_2 : Topology.ROUTER_WAN_IP);
                    }
                    case DUPLICATES_AND_REORDERING -> {
                        Runnable duplicates = router.duplicateToClient();
                        Runnable reordering = router.reorder(8);
                        Waits.sleep(Duration.ofSeconds(f.seconds()));
                        duplicates.run();
                        reordering.run();
                    }
                }
                applied.add(new Applied(f, faultStart, System.nanoTime()));
            }
            Waits.sleep(Duration.ofNanos(Math.max(0, start + minutes * 60_000_000_000L - System.nanoTime())));
            if (loss != null) {
                loss.remove();
            }
            assertTrue(connect.isAlive(), "the client exited:\n" + connect.output());
            long[] last = usage(clientPid);
            sender.stop(Duration.ofSeconds(5));
            Waits.sleep(Duration.ofMillis(500));
            count(gateway.log(), rekeys); // charon appends to its log across restarts
            String outcome = report(progress, applied, rekeys, connect.output(), first, last, start);
            reporter.publishEntry("soak", outcome);
            System.out.println("SoakTest: " + outcome);
            Files.writeString(lab.logDir().resolve("figures.txt"), outcome);

            assertEquals(-1, progress.corruptAt(), "a corrupted byte at offset " + progress.corruptAt());
            for (SoakProgress.Outage o : progress.outages()) {
                Optional<Applied> cause = cause(o, applied);
                Duration allowed = cause.map(a -> Duration.ofNanos(a.endNanos() - a.startNanos())).orElse(Duration.ZERO)
                        .plus(GRACE);
                assertTrue(o.length().compareTo(allowed) <= 0, String.format(Locale.ROOT,
                        "an outage of %.1f s at t=%.0f s, allowed %.1f s (%s)", o.length().toMillis() / 1000.0,
                        (o.startNanos() - start) / 1e9, allowed.toMillis() / 1000.0, why(cause)));
            }
            assertTrue(last[0] - first[0] <= RSS_GROWTH_MB * 1024L, "resident memory grew from " + first[0] + " kB to "
                    + last[0] + " kB");
            assertTrue(last[1] - first[1] <= FD_GROWTH, "open descriptors grew from " + first[1] + " to " + last[1]);
        }
        client.disconnect(connect);
        assertEquals(before, RoadwarriorConnectTest.HostSnapshot.take(lab), "addresses, routes and links restored");
        assertArrayEquals(originalResolv, Files.readAllBytes(resolv), "resolv.conf restored");
        System.out.println("SoakTest: host restored (addresses, routes, links, resolv.conf)");
    }

    private static String report(SoakProgress progress, List<Applied> applied, int[] rekeys, String clientOutput,
            long[] first, long[] last, long start) {
        SoakProgress.Outage longest = progress.outages().stream()
                .max((a, b) -> a.length().compareTo(b.length())).orElse(null);
        String longestText = longest == null ? "none over " + SoakProgress.OUTAGE.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s at t=%.0f s (%s)", longest.length().toMillis() / 1000.0,
                        (longest.startNanos() - start) / 1e9, why(cause(longest, applied)));
        long reconnects = Pattern.compile("(?i)reconnect").matcher(clientOutput).results().count();
        return String.format(Locale.ROOT, "%d bytes (%.1f MB) sent and verified, no corrupt byte: %b; %d outages, "
                + "longest %s; %d faults; %d IKE SAs and %d CHILD SAs established at the gateway; "
                + "client lines about reconnecting: %d; TCP reconnects: %d; client RSS %d -> %d kB, "
                + "open fds %d -> %d, live heap %d -> %d kB (each after a full GC)", progress.verified(), progress.verified() / 1048576.0,
                progress.corruptAt() < 0, progress.outages().size(), longestText, applied.size(), rekeys[0], rekeys[1],
                reconnects, Math.max(0, progress.connections() - 1), first[0], last[0], first[1], last[1], first[2], last[2]);
    }

    /** The fault an outage is blamed on: the last one that started before it and ended at most 15 s before it. */
    private static Optional<Applied> cause(SoakProgress.Outage outage, List<Applied> applied) {
        Optional<Applied> cause = Optional.empty();
        for (Applied a : applied) {
            if (a.startNanos() <= outage.startNanos() + SoakProgress.OUTAGE.toNanos()
                    && outage.startNanos() <= a.endNanos() + GRACE.toNanos()) {
                cause = Optional.of(a);
            }
        }
        return cause;
    }

    private static String why(Optional<Applied> cause) {
        return cause.map(a -> a.fault().kind() + " " + a.fault().seconds() + " s")
                .orElse("no fault of ours: a rekey or the random loss");
    }

    private static void count(String gatewayLog, int[] totals) {
        totals[0] += matches(IKE_UP, gatewayLog);
        totals[1] += matches(CHILD_UP, gatewayLog);
    }

    private static int matches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The command line of a {@link SoakStream} run with this JVM's java and the test classes. */
    private static String[] stream(String... args) throws URISyntaxException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classes = Path.of(SoakStream.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", classes,
                SoakStream.class.getName()));
        command.addAll(List.of(args));
        return command.toArray(String[]::new);
    }

    /** The client's JVM: the process itself or the first java below it (the launcher execs it). */
    private static long javaPid(long pid) {
        ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
        if (p.info().command().map(c -> c.endsWith("/java")).orElse(false)) {
            return pid;
        }
        return p.descendants().filter(d -> d.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no java process under pid " + pid)).pid();
    }

    /**
     * Resident memory (kB), open file descriptors and live heap (kB) of the client's JVM, after a
     * full collection ({@code jcmd GC.run}), so that a heap the JVM merely grew and then gave back
     * does not count as growth.
     */
    private static long[] usage(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        Matcher heap = Pattern.compile("total \\d+K, used (\\d+)K").matcher(jcmd(pid, "GC.heap_info"));
        long used = heap.find() ? Long.parseLong(heap.group(1)) : -1;
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return new long[] {rss, fds.count(), used};
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Process p = new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
