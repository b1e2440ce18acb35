package dev.roadwarrior.systemtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** iperf3 throughput measurements between lab namespaces. */
public final class Iperf3 {
    /** iperf3's default port. */
    public static final int PORT = 5201;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    /**
     * TCP throughput of one run as iperf3 reports it in {@code end.sum_sent} and
     * {@code end.sum_received}.
     *
     * @param sentBitsPerSecond     what the client sent
     * @param receivedBitsPerSecond what the server received
     * @param retransmits           TCP retransmissions of the sender
     */
    public record Result(double sentBitsPerSecond, double receivedBitsPerSecond, long retransmits) {

        /** Received throughput in Mbit/s. */
        public double receivedMbps() {
            return receivedBitsPerSecond / 1e6;
        }
    }

    private Iperf3() {
    }

    /** Starts {@code iperf3 -s} in {@code node} and waits until it listens; the lab stops it on close. */
    public static LabProcess startServer(Lab lab, LabNode node) {
        final LabProcess server = lab.spawn(node, "iperf3-server", "iperf3", "-s", "-p", String.valueOf(PORT));
        final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!lab.exec(node, "ss", "-Hltn", "sport = :" + PORT).stdout().contains(":" + PORT)) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                throw new LabException(LabException.Reason.NOT_READY, "iperf3 server not listening:\n" + server.output());
            }
            Waits.sleep(Duration.ofMillis(50));
        }
        return server;
    }

    /**
     * Runs a TCP transfer {@code iperf3 -c server -t seconds -J} from {@code node}; the full JSON
     * report stays in the lab's {@code commands.log}.
     *
     * @throws LabException when iperf3 fails or its report lacks the totals
     */
    public static Result measureTcp(Lab lab, LabNode node, String server, Duration duration) {
        final ExecResult run = lab.exec(node, duration.plusSeconds(30), Map.of(), List.of(
                "iperf3", "-c", server, "-p", String.valueOf(PORT), "-t", String.valueOf(duration.toSeconds()), "-J"))
                .orThrow();
        return parse(run.stdout());
    }

    static Result parse(String json) {
        try {
            final JsonNode end = new ObjectMapper().readTree(json).path("end");
            final JsonNode sent = end.path("sum_sent");
            final JsonNode received = end.path("sum_received");
            if (!sent.path("bits_per_second").isNumber() || !received.path("bits_per_second").isNumber()) {
                throw new LabException(LabException.Reason.COMMAND_FAILED, "iperf3 report without totals:\n" + json);
            }
            return new Result(sent.path("bits_per_second").asDouble(), received.path("bits_per_second").asDouble(),
                    sent.path("retransmits").asLong());
        } catch (JsonProcessingException e) {
            throw new LabException(LabException.Reason.COMMAND_FAILED, "iperf3 report is not JSON:\n" + json, e);
        }
    }
}
