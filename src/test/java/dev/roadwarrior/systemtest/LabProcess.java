package dev.roadwarrior.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A long-running process started by {@link Lab#spawn} inside a lab namespace. Its standard output
 * and error go to {@link #log()}. {@code ip netns exec} replaces itself with the command, so
 * {@link #pid()} and the signals sent here reach the command itself.
 *
 * <p>Thread-safe: all state lives in the underlying {@link Process}.
 */
public final class LabProcess {
    private final String name;
    private final LabNode node;
    private final Process process;
    private final Path log;

    LabProcess(String name, LabNode node, Process process, Path log) {
        this.name = name;
        this.node = node;
        this.process = process;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public LabNode node() {
        return node;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** File receiving the process's standard output and error. */
    public Path log() {
        return log;
    }

    /** What the process has written so far (empty when the log cannot be read). */
    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The exit code, once the process has ended. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /**
     * Waits for the process to end by itself.
     *
     * @return whether it ended within the timeout
     */
    public boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Sends SIGTERM, waits up to {@code grace}, then sends SIGKILL if needed. Returns once the
     * process has ended.
     *
     * @return whether the process ended within the grace period (false: it had to be killed)
     */
    public boolean stop(Duration grace) {
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        if (waitFor(grace)) {
            return true;
        }
        kill();
        return false;
    }

    /** Sends SIGKILL (no clean shutdown) and waits until the process has ended. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + "@" + node.label() + "[pid " + process.pid() + (process.isAlive() ? "" : ", ended") + "]";
    }
}
