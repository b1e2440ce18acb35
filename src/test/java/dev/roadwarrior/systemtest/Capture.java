package dev.roadwarrior.systemtest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A packet capture with {@code tshark} on one interface of one lab node, filtered while capturing
 * (BPF), written to {@code <name>.pcapng} in the lab's log directory, where it stays for reading
 * after a failure.
 */
final class Capture {

    private final Lab lab;
    private final LabNode node;
    private final Path file;
    private final LabProcess tshark;

    private Capture(Lab lab, LabNode node, Path file, LabProcess tshark) {
        this.lab = lab;
        this.node = node;
        this.file = file;
        this.tshark = tshark;
    }

    /** Starts capturing what matches {@code filter} on {@code node}'s {@code device}; returns once tshark captures. */
    static Capture start(Lab lab, LabNode node, String device, String filter, String name) {
        Path file = lab.logDir().resolve(name + ".pcapng");
        LabProcess tshark = lab.spawn(node, name, "tshark", "-n", "-i", device, "-f", filter, "-w", file.toString());
        Waits.until(Duration.ofSeconds(20), () -> tshark.output().contains("Capturing on") || !tshark.isAlive(),
                () -> "tshark capturing: " + tshark.output());
        return new Capture(lab, node, file, tshark);
    }

    /** Stops capturing and returns one summary line per packet (empty when none matched). */
    List<String> stop() {
        Waits.sleep(Duration.ofMillis(500)); // what was just sent is written before tshark stops
        tshark.stop(Duration.ofSeconds(10));
        return lab.run(node, "tshark", "-n", "-r", file.toString()).stdout().lines().filter(l -> !l.isBlank()).toList();
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
