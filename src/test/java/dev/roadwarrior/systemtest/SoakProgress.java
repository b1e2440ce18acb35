package dev.roadwarrior.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches the receiver of {@link SoakStream} through its status file (every 100 ms, on a thread
 * of its own): the bytes verified so far, the first corrupt byte, the connections it accepted,
 * and every outage, a time of at least {@link #OUTAGE} in which the verified count did not grow.
 */
final class SoakProgress implements AutoCloseable {

    /** A pause shorter than this is not an outage (the stream runs at a steady rate). */
    static final Duration OUTAGE = Duration.ofSeconds(2);

    /**
     * A time without progress.
     *
     * @param startNanos the last progress before it ({@link System#nanoTime()})
     * @param endNanos the first progress after it, or when the watch ended
     */
    record Outage(long startNanos, long endNanos) {
        Duration length() {
            return Duration.ofNanos(endNanos - startNanos);
        }
    }

    private final Path status;
    private final Thread thread;
    private final List<Outage> outages = new ArrayList<>();
    private long verified;
    private long corruptAt = -1;
    private int connections;
    private long lastProgress = System.nanoTime();
    private volatile boolean running = true;

    SoakProgress(Path status) {
        this.status = status;
        this.thread = new Thread(this::watch, "soak-progress");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (running) {
            poll();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void poll() {
        String[] fields;
        try {
            fields = Files.readString(status, StandardCharsets.US_ASCII).strip().split(" ");
        } catch (IOException notYet) {
            return;
        }
        if (fields.length != 3) {
            return;
        }
        long now = System.nanoTime();
        long v = Long.parseLong(fields[0]);
        corruptAt = Long.parseLong(fields[1]);
        connections = Integer.parseInt(fields[2]);
        if (v > verified) {
            if (verified > 0 && now - lastProgress >= OUTAGE.toNanos()) {
                outages.add(new Outage(lastProgress, now));
            }
            verified = v;
            lastProgress = now;
        }
    }

    synchronized long verified() {
        return verified;
    }

    /** The offset of the first byte that differed from the stream, or -1. */
    synchronized long corruptAt() {
        return corruptAt;
    }

    synchronized int connections() {
        return connections;
    }

    /** The outages so far, including one still going on. */
    synchronized List<Outage> outages() {
        List<Outage> all = new ArrayList<>(outages);
        long now = System.nanoTime();
        if (verified > 0 && now - lastProgress >= OUTAGE.toNanos()) {
            all.add(new Outage(lastProgress, now));
        }
        return all;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        poll();
    }
}
