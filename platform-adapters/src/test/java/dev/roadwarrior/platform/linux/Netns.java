package dev.roadwarrior.platform.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away network namespace {@code rwtest-<random>} for tests that need root. {@link #create}
 * skips the calling test (JUnit assumption) when not root or when {@code ip netns} does not work.
 * {@link #close} deletes the namespace and with it every interface and route inside.
 */
final class Netns implements AutoCloseable {

    final String name;
    final NetnsThread thread;

    private Netns(String name) {
        this.name = name;
        this.thread = new NetnsThread(name);
    }

    static Netns create() throws Exception {
        assumeTrue(isRoot(), "skipped: needs root (network namespaces, TUN devices, routes)");
        String name = "rwtest-" + UUID.randomUUID().toString().substring(0, 8);
        Result r = exec(List.of("ip", "netns", "add", name));
        assumeTrue(r.code == 0, "skipped: 'ip netns add' does not work here: " + r.output);
        Netns ns;
        try {
            ns = new Netns(name);
        } catch (RuntimeException e) {
            exec(List.of("ip", "netns", "del", name));
            throw e;
        }
        try {
            ns.ip("link", "set", "lo", "up");
            return ns;
        } catch (IOException e) {
            ns.close();
            throw e;
        }
    }

    /** Adds veth0 10.200.0.2/24 (peer veth1, same namespace) and a default route via 10.200.0.1. */
    void addUplink() throws IOException {
        ip("link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        ip("addr", "add", "10.200.0.2/24", "dev", "veth0");
        ip("link", "set", "veth0", "up");
        ip("link", "set", "veth1", "up");
        ip("route", "add", "default", "via", "10.200.0.1", "dev", "veth0");
    }

    /** Runs {@code ip -n <ns> args...}; fails the test when it fails. */
    String ip(String... args) throws IOException {
        Result r = tryIp(args);
        if (r.code != 0) {
            throw new IOException("ip " + String.join(" ", args) + " failed: " + r.output);
        }
        return r.output;
    }

    /** Runs {@code ip -n <ns> args...} and returns whatever happened. */
    Result tryIp(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    /** Starts {@code command} inside the namespace ({@code ip netns exec}). */
    Process start(String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", name));
        cmd.addAll(List.of(command));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Override
    public void close() throws IOException {
        thread.close();
        exec(List.of("ip", "netns", "del", name));
    }

    record Result(int code, String output) {
    }

    static Result exec(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
