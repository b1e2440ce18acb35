package dev.roadwarrior.systemtest;

import static dev.roadwarrior.systemtest.Topology.CLIENT_IF;
import static dev.roadwarrior.systemtest.Topology.LAN_IF;
import static dev.roadwarrior.systemtest.Topology.PROTECTED_IF;
import static dev.roadwarrior.systemtest.Topology.WAN_IF;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@link Lab} built from Linux network namespaces, veth pairs and an iptables MASQUERADE rule,
 * driven by the {@code ip}, {@code sysctl} and {@code iptables} commands (needs root).
 *
 * <p>Every entry of {@code commands.log} starts with the local time (as charon's log does), so
 * the two can be read side by side.
 *
 * <p>Namespaces are named {@code rwlab<jvm pid>x<n>-<node>}, so parallel JVMs and several labs in
 * one JVM never clash. {@link #create} first removes namespaces left behind by JVMs that no longer
 * run (a killed test run cannot clean up after itself), with the processes still inside them and
 * their run directories.
 */
public final class NetnsLab implements Lab {
    private static final String PREFIX = "rwlab";
    private static final Pattern OWN_NAMESPACE = Pattern.compile("^(" + PREFIX + "(\\d+)x\\d+-[a-z]+)\\b.*");
    private static final Pattern OWN_RUN_DIR = Pattern.compile("^" + PREFIX + "(\\d+)x\\d+");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final Path logDir;
    private final Path runDir;
    private final Map<LabNode, String> namespaces = new EnumMap<>(LabNode.class);
    private final List<LabProcess> processes = new ArrayList<>();
    private boolean closed;

    private NetnsLab(Path logDir, Path runDir, String id) {
        this.logDir = logDir;
        this.runDir = runDir;
        for (LabNode node : LabNode.values()) {
            namespaces.put(node, id + "-" + node.label());
        }
    }

    /**
     * Builds the lab network. On failure everything created so far is removed again.
     *
     * @param logDir directory for logs and generated files (created if missing)
     */
    public static NetnsLab create(Path logDir) {
        final String id = PREFIX + ProcessHandle.current().pid() + "x" + COUNTER.incrementAndGet();
        final Path runDir;
        try {
            Files.createDirectories(logDir);
            runDir = Files.createTempDirectory(id);
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot create " + logDir + " or a run directory", e);
        }
        final NetnsLab lab = new NetnsLab(logDir, runDir, id);
        lab.removeStale();
        try {
            lab.build();
            return lab;
        } catch (RuntimeException e) {
            lab.close();
            throw e;
        }
    }

    private void build() {
        for (LabNode node : LabNode.values()) {
            host("ip", "netns", "add", namespace(node));
            host("ip", "-n", namespace(node), "link", "set", "lo", "up");
        }
        link(LabNode.CLIENT, CLIENT_IF, LabNode.ROUTER, LAN_IF);
        link(LabNode.ROUTER, WAN_IF, LabNode.GATEWAY, WAN_IF);
        link(LabNode.GATEWAY, LAN_IF, LabNode.PROTECTED, PROTECTED_IF);

        address(LabNode.CLIENT, CLIENT_IF, Topology.CLIENT_IP + "/24");
        address(LabNode.ROUTER, LAN_IF, Topology.ROUTER_LAN_IP + "/24");
        address(LabNode.ROUTER, WAN_IF, Topology.ROUTER_WAN_IP + "/24");
        address(LabNode.GATEWAY, WAN_IF, Topology.GATEWAY_WAN_IP + "/24");
        address(LabNode.GATEWAY, LAN_IF, Topology.GATEWAY_LAN_IP + "/24");
        address(LabNode.PROTECTED, PROTECTED_IF, Topology.PROTECTED_IP + "/24");

        run(LabNode.CLIENT, "ip", "route", "add", "default", "via", Topology.ROUTER_LAN_IP);
        run(LabNode.PROTECTED, "ip", "route", "add", "default", "via", Topology.GATEWAY_LAN_IP);
        run(LabNode.ROUTER, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        run(LabNode.GATEWAY, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        run(LabNode.ROUTER, "iptables", "-t", "nat", "-A", "POSTROUTING", "-o", WAN_IF, "-j", "MASQUERADE");

        address6(LabNode.CLIENT, CLIENT_IF, Topology.CLIENT_IP6);
        address6(LabNode.ROUTER, LAN_IF, Topology.ROUTER_LAN_IP6);
        address6(LabNode.ROUTER, WAN_IF, Topology.ROUTER_WAN_IP6);
        address6(LabNode.GATEWAY, WAN_IF, Topology.GATEWAY_WAN_IP6);
        run(LabNode.CLIENT, "ip", "-6", "route", "add", "default", "via", Topology.ROUTER_LAN_IP6);
        run(LabNode.GATEWAY, "ip", "-6", "route", "add", Topology.CLIENT_IP6 + "/64", "via", Topology.ROUTER_WAN_IP6);
        run(LabNode.ROUTER, "sysctl", "-qw", "net.ipv6.conf.all.forwarding=1");
    }

    /** A global IPv6 address, usable at once (no duplicate address detection). */
    private void address6(LabNode node, String dev, String address) {
        run(node, "ip", "-6", "addr", "add", address + "/64", "dev", dev, "nodad");
    }

    private void link(LabNode a, String ifA, LabNode b, String ifB) {
        host("ip", "link", "add", "name", ifA, "netns", namespace(a), "type", "veth",
                "peer", "name", ifB, "netns", namespace(b));
    }

    private void address(LabNode node, String dev, String cidr) {
        run(node, "ip", "addr", "add", cidr, "dev", dev);
        run(node, "ip", "link", "set", dev, "up");
    }

    @Override
    public String namespace(LabNode node) {
        return namespaces.get(node);
    }

    @Override
    public Path logDir() {
        return logDir;
    }

    @Override
    public Path runDir() {
        return runDir;
    }

    @Override
    public ExecResult exec(LabNode node, Duration timeout, Map<String, String> env, List<String> command) {
        return execute(inNamespace(node, command), command, timeout, env);
    }

    @Override
    public synchronized LabProcess spawn(LabNode node, String name, Map<String, String> env, List<String> command) {
        if (closed) {
            throw new IllegalStateException("lab is closed");
        }
        final Path log = logDir.resolve(name + ".log");
        final ProcessBuilder builder = new ProcessBuilder(inNamespace(node, command))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        try {
            final LabProcess process = new LabProcess(name, node, builder.start(), log);
            processes.add(process);
            record("spawned " + process + ": " + String.join(" ", command) + "\n");
            return process;
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot start " + command, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = processes.size() - 1; i >= 0; i--) {
            final LabProcess process = processes.get(i);
            if (!process.stop(STOP_GRACE)) {
                record("killed " + process + " after " + STOP_GRACE.toSeconds() + " s\n");
            }
        }
        LabException failure = null;
        for (String namespace : namespaces.values()) {
            try {
                removeNamespace(namespace);
            } catch (LabException e) {
                failure = failure == null ? e : failure;
            }
        }
        deleteTree(runDir);
        if (failure != null) {
            throw failure;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(NetnsLab::deleteQuietly);
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot delete " + dir, e);
        }
    }

    /**
     * Kills what still runs in a namespace of this lab (or a stale one) and deletes it; a namespace
     * that does not exist (creation failed half-way) is skipped.
     */
    private void removeNamespace(String namespace) {
        final ExecResult pids = execute(List.of("ip", "netns", "pids", namespace),
                List.of("ip", "netns", "pids", namespace), DEFAULT_TIMEOUT, Map.of());
        for (String pid : pids.stdout().split("\\s+")) {
            if (!pid.isEmpty()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        if (pids.succeeded()) {
            host("ip", "netns", "del", namespace);
        }
    }

    private void removeStale() {
        final ExecResult list = host("ip", "netns", "list");
        for (String line : list.stdout().split("\n")) {
            final Matcher m = OWN_NAMESPACE.matcher(line.trim());
            if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(2))).isEmpty()) {
                record("removing stale namespace " + m.group(1) + "\n");
                removeNamespace(m.group(1));
            }
        }
        try (Stream<Path> dirs = Files.list(runDir.getParent())) {
            for (Path dir : dirs.toList()) {
                final Matcher m = OWN_RUN_DIR.matcher(dir.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    record("removing stale run directory " + dir + "\n");
                    deleteTree(dir);
                }
            }
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot list " + runDir.getParent(), e);
        }
    }

    private List<String> inNamespace(LabNode node, List<String> command) {
        final List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace(node)));
        full.addAll(command);
        return full;
    }

    /** Runs a command in the host namespace (only for creating and deleting the lab). */
    private ExecResult host(String... command) {
        return execute(List.of(command), List.of(command), DEFAULT_TIMEOUT, Map.of()).orThrow();
    }

    private ExecResult execute(List<String> full, List<String> shown, Duration timeout, Map<String, String> env) {
        final long start = System.nanoTime();
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile(logDir, "exec", ".out");
            err = Files.createTempFile(logDir, "exec", ".err");
            final ProcessBuilder builder = new ProcessBuilder(full)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            final Process process = builder.start();
            final boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                process.destroyForcibly().waitFor();
            }
            final ExecResult result = new ExecResult(shown, done ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                    Duration.ofNanos(System.nanoTime() - start), !done);
            record(result.describe());
            return result;
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot run " + shown, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(LabException.Reason.COMMAND_TIMED_OUT, "interrupted: " + shown, e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private synchronized void record(String text) {
        try {
            Files.writeString(logDir.resolve("commands.log"), LocalTime.now().format(TIME) + " " + text,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LabException(LabException.Reason.IO, "cannot write commands.log", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }

    @Override
    public String toString() {
        return "NetnsLab" + namespaces.values();
    }
}
