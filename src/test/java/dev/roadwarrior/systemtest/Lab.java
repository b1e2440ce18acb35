package dev.roadwarrior.systemtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small virtual network of a road warrior behind a NAT router, a VPN gateway and a protected
 * host (see {@link Topology}), in which tests run commands and daemons.
 *
 * <p>Every command and process runs inside the namespace of one {@link LabNode}. Each call to
 * {@link #exec} is recorded (command, exit code, output) in {@code commands.log} under
 * {@link #logDir()}; spawned processes write to their own log file there.
 *
 * <p>{@link #close()} stops every process started through the lab and removes the network; it
 * is safe to call after failures and more than once. Implementations are thread-safe.
 */
public interface Lab extends AutoCloseable {

    /** Timeout of {@link #exec(LabNode, String...)}. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** Name of the network namespace of {@code node} (for {@code ip netns exec}). */
    String namespace(LabNode node);

    /** Directory that keeps this lab's logs and generated files after the test. */
    Path logDir();

    /**
     * A directory with a short path (unix socket paths are limited to 107 bytes) for sockets and
     * other run-time files; deleted by {@link #close()}.
     */
    Path runDir();

    /**
     * Runs a command in {@code node}'s namespace until it exits or the timeout passes (then it is
     * killed). Never throws for a failing command: inspect the result or call
     * {@link ExecResult#orThrow()}.
     *
     * @param env extra environment variables for the command
     */
    ExecResult exec(LabNode node, Duration timeout, Map<String, String> env, List<String> command);

    /** {@link #exec(LabNode, Duration, Map, List)} with {@link #DEFAULT_TIMEOUT} and no extra environment. */
    default ExecResult exec(LabNode node, String... command) {
        return exec(node, DEFAULT_TIMEOUT, Map.of(), List.of(command));
    }

    /** Runs a command that must succeed; throws {@link LabException} with its output otherwise. */
    default ExecResult run(LabNode node, String... command) {
        return exec(node, command).orThrow();
    }

    /**
     * Starts a long-running command in {@code node}'s namespace. Its output goes to
     * {@code <name>.log} under {@link #logDir()} (appended when the name is reused). The lab stops
     * it on {@link #close()} unless the caller stopped it before.
     *
     * @param name short file-system friendly name, e.g. {@code charon}
     * @param env  extra environment variables
     */
    LabProcess spawn(LabNode node, String name, Map<String, String> env, List<String> command);

    /** {@link #spawn(LabNode, String, Map, List)} without extra environment. */
    default LabProcess spawn(LabNode node, String name, String... command) {
        return spawn(node, name, Map.of(), List.of(command));
    }

    /** Stops all spawned processes, kills whatever else runs in the namespaces and deletes them. */
    @Override
    void close();
}
