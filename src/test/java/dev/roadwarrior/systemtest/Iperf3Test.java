package dev.roadwarrior.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Parsing of iperf3 JSON reports; needs no root. */
class Iperf3Test {

    @Test
    void readsTotals() {
        final Iperf3.Result r = Iperf3.parse("{\"start\":{},\"end\":{"
                + "\"sum_sent\":{\"bytes\":125000000,\"bits_per_second\":3.5e8,\"retransmits\":12},"
                + "\"sum_received\":{\"bytes\":124000000,\"bits_per_second\":3.4e8}}}");
        assertEquals(3.5e8, r.sentBitsPerSecond());
        assertEquals(340.0, r.receivedMbps(), 1e-9);
        assertEquals(12, r.retransmits());
    }

    @Test
    void reportWithoutTotalsIsAnError() {
        final LabException e = assertThrows(LabException.class,
                () -> Iperf3.parse("{\"error\":\"unable to connect to server\"}"));
        assertEquals(LabException.Reason.COMMAND_FAILED, e.reason());
        assertThrows(LabException.class, () -> Iperf3.parse("iperf3: error"));
    }
}
