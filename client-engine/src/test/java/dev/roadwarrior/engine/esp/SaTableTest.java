package dev.roadwarrior.engine.esp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SaTableTest {

    @Test
    void addFindRemove() {
        SaTable table = new SaTable();
        EspSa a = Fixtures.pair(EspTransform.AES_128_SHA1, 0x1001, 1)[1];
        EspSa b = Fixtures.pair(EspTransform.AES_128_SHA1, 0x1002, 2)[1];
        table.addInbound(a);
        table.addInbound(b);
        assertSame(a, table.inbound(0x1001).orElseThrow());
        assertSame(b, table.find(0x1002));
        assertEquals(List.of(a, b), table.inboundSas());
        assertSame(a, table.removeInbound(0x1001).orElseThrow());
        assertTrue(table.inbound(0x1001).isEmpty());
        assertTrue(table.removeInbound(0x1001).isEmpty());
        assertEquals(List.of(b), table.inboundSas());
    }

    @Test
    void refusesDuplicateSpiAndWrongDirection() {
        SaTable table = new SaTable();
        EspSa[] sa = Fixtures.pair(EspTransform.AES_128_SHA1, 0x2001, 1);
        table.addInbound(sa[1]);
        EspSa sameSpi = Fixtures.pair(EspTransform.AES_128_SHA1, 0x2001, 2)[1];
        assertThrows(IllegalArgumentException.class, () -> table.addInbound(sameSpi));
        assertThrows(IllegalArgumentException.class, () -> table.addInbound(sa[0]));
        assertThrows(IllegalArgumentException.class, () -> table.setOutbound(sa[1]));
        EspSa other = Fixtures.pair(EspTransform.AES_128_SHA1, 0x2002, 3)[1];
        assertThrows(IllegalArgumentException.class, () -> table.install(other, other));
        assertTrue(table.inbound(0x2002).isEmpty(), "a refused install changes nothing");
    }

    @Test
    void rekeyIsMakeBeforeBreak() {
        SaTable table = new SaTable();
        EspProcessor processor = new EspProcessor();
        EspSa[] oldIn = Fixtures.pair(EspTransform.AES_128_SHA1, 0x3001, 1); // gateway -> us
        EspSa[] oldOut = Fixtures.pair(EspTransform.AES_128_SHA1, 0x4001, 2); // us -> gateway
        table.install(oldIn[1], oldOut[0]);
        byte[] inFlight = Fixtures.bytes(((EspResult.Processed) processor.encapsulate(oldIn[0], Fixtures.ipv4(40, 1))).packet());

        EspSa[] newIn = Fixtures.pair(EspTransform.AES_128_SHA1, 0x3002, 3);
        EspSa[] newOut = Fixtures.pair(EspTransform.AES_128_SHA1, 0x4002, 4);
        table.install(newIn[1], newOut[0]);
        assertSame(newOut[0], table.outbound().orElseThrow());
        assertInstanceOf(EspResult.Processed.class, processor.decapsulate(table, ByteBuffer.wrap(inFlight)),
                "the old inbound SA still takes packets in flight");

        assertFalse(table.removeOutbound(0x4001), "the old outbound SA is no longer current");
        assertSame(newOut[0], table.outbound().orElseThrow());
        table.removeInbound(0x3001);
        assertEquals(EspResult.Dropped.of(DropReason.UNKNOWN_SPI), processor.decapsulate(table, ByteBuffer.wrap(inFlight)));

        assertTrue(table.removeOutbound(0x4002));
        assertTrue(table.outbound().isEmpty());
        table.clear();
        assertTrue(table.inboundSas().isEmpty());
    }
}
