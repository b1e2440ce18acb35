package dev.roadwarrior.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.esp.EspSa;
import dev.roadwarrior.engine.esp.EspTransform;
import dev.roadwarrior.engine.ike.ChildSaKeys;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;

class DataPlaneTest {

    private static final EspTransform TRANSFORM = EspTransform.AES_128_SHA1;

    private final DataPlane plane = new DataPlane(InstantSource.fixed(Instant.parse("2026-12-05T00:00:00Z")));

    private static ChildSaKeys keys(int in, int out) {
        return new ChildSaKeys(in, out, TRANSFORM, new byte[TRANSFORM.keymatLength()],
                new byte[TRANSFORM.keymatLength()], 3600, 0, true);
    }

    private int outboundSpi() {
        return plane.sas().outbound().map(EspSa::spi).orElse(0);
    }

    @Test
    void removingThePairInUseFallsBackToTheNewestPairStillInstalled() {
        plane.install(keys(0x101, 0x201), true);
        plane.install(keys(0x102, 0x202), true);
        plane.install(keys(0x103, 0x203), true);

        plane.remove(0x103, 0x203);
        assertEquals(0x202, outboundSpi());
        plane.remove(0x102, 0x202);
        assertEquals(0x201, outboundSpi());
        plane.remove(0x101, 0x201);
        assertTrue(plane.sas().outbound().isEmpty());
        assertFalse(plane.active());
    }

    @Test
    void removingAnOlderPairKeepsThePairInUse() {
        plane.install(keys(0x101, 0x201), true);
        plane.install(keys(0x102, 0x202), true);

        plane.remove(0x101, 0x201);
        assertEquals(0x202, outboundSpi());
        assertEquals(1, plane.sas().inboundSas().size());
    }

    @Test
    void aPendingPairIsNoFallbackUntilItIsActivated() {
        plane.install(keys(0x101, 0x201), true);
        plane.install(keys(0x102, 0x202), false);
        assertEquals(0x201, outboundSpi());

        plane.activate(0x202);
        assertEquals(0x202, outboundSpi());
        plane.install(keys(0x103, 0x203), true);
        plane.remove(0x103, 0x203);
        assertEquals(0x202, outboundSpi(), "the most recently activated pair, not the oldest");
    }

    @Test
    void aRemovedPairIsNeverUsedAgain() {
        plane.install(keys(0x101, 0x201), true);
        plane.install(keys(0x102, 0x202), true);
        plane.remove(0x101, 0x201);
        plane.remove(0x102, 0x202);
        assertTrue(plane.sas().outbound().isEmpty());
    }
}
