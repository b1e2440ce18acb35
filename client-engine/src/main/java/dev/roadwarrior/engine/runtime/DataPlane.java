package dev.roadwarrior.engine.runtime;

import dev.roadwarrior.engine.esp.Direction;
import dev.roadwarrior.engine.esp.EspProcessor;
import dev.roadwarrior.engine.esp.EspResult;
import dev.roadwarrior.engine.esp.EspSa;
import dev.roadwarrior.engine.esp.SaTable;
import dev.roadwarrior.engine.ike.ChildSaKeys;
import dev.roadwarrior.engine.ike.EspActivity;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ESP side of a connection as the engine thread sees it: the SA table the TUN thread sends
 * with, outbound SAs installed but not yet in use (make-before-break rekeying), decapsulation of
 * what arrives, and what the session needs to know about it ({@link #activity}).
 *
 * <p>Threading: everything but the table and processor handed to the TUN reader is confined to
 * the engine thread.
 */
final class DataPlane {

    private static final int MAX_DATAGRAM = 65_535;

    private final SaTable sas = new SaTable();
    private final EspProcessor esp = new EspProcessor();
    private final Map<Integer, EspSa> pendingOutbound = new HashMap<>();
    /** Outbound SAs put in use and not yet removed, oldest first: the fallback when the one in use goes. */
    private final List<EspSa> usedOutbound = new ArrayList<>();
    private final ByteBuffer inbound = ByteBuffer.allocate(MAX_DATAGRAM);
    private final InstantSource wall;
    private long lastInbound = Long.MIN_VALUE;

    /** @param wall the calendar clock that dates each SA */
    DataPlane(InstantSource wall) {
        this.wall = wall;
    }

    /** The table the TUN reader sends with. */
    SaTable sas() {
        return sas;
    }

    EspProcessor esp() {
        return esp;
    }

    /**
     * Installs an SA pair and wipes the keymat: the inbound SA at once, the outbound one at once
     * or when {@link #activate}d.
     *
     * @throws IllegalArgumentException when the keys cannot make SAs (a duplicate SPI, short keymat)
     */
    void install(ChildSaKeys keys, boolean activate) {
        try {
            Instant now = wall.instant();
            EspSa in = EspSa.create(Direction.INBOUND, keys.inboundSpi(), keys.transform(), keys.inboundKeymat(), now);
            EspSa out = EspSa.create(Direction.OUTBOUND, keys.outboundSpi(), keys.transform(), keys.outboundKeymat(),
                    now);
            sas.addInbound(in);
            if (activate) {
                use(out);
            } else {
                pendingOutbound.put(keys.outboundSpi(), out);
            }
        } finally {
            Arrays.fill(keys.inboundKeymat(), (byte) 0);
            Arrays.fill(keys.outboundKeymat(), (byte) 0);
        }
    }

    /** Starts sending with the pending outbound SA with this SPI; false when there is none. */
    boolean activate(int outboundSpi) {
        EspSa out = pendingOutbound.remove(outboundSpi);
        if (out != null) {
            use(out);
        }
        return out != null;
    }

    /**
     * Removes an SA pair. When its outbound SA was the one in use, sending falls back to the newest
     * outbound SA put in use before it that is still installed (a pair negotiated on an IKE SA that
     * is going away must not leave the tunnel without an outbound SA while the current one lives).
     */
    void remove(int inboundSpi, int outboundSpi) {
        sas.removeInbound(inboundSpi);
        usedOutbound.removeIf(sa -> sa.spi() == outboundSpi);
        if (sas.removeOutbound(outboundSpi) && !usedOutbound.isEmpty()) {
            sas.setOutbound(usedOutbound.get(usedOutbound.size() - 1));
        }
        pendingOutbound.remove(outboundSpi);
    }

    /** Puts an outbound SA in use; each is put in use once, at install or when activated. */
    private void use(EspSa out) {
        usedOutbound.add(out);
        sas.setOutbound(out);
    }

    /**
     * Decapsulates an ESP packet from the gateway.
     *
     * @return the inner packet (valid until the next call), or null when it was dropped
     */
    ByteBuffer decapsulate(ByteBuffer packet, long nowMillis) {
        inbound.clear();
        if (esp.decapsulate(sas, packet, inbound) instanceof EspResult.Processed p) {
            lastInbound = nowMillis;
            return p.packet();
        }
        return null;
    }

    /** What the session is told: last ESP in and out, and the bytes per SA. */
    EspActivity activity(long lastOutboundMillis) {
        Map<Integer, Long> in = new HashMap<>();
        for (EspSa sa : sas.inboundSas()) {
            in.put(sa.spi(), sa.bytes());
        }
        Map<Integer, Long> out = new HashMap<>();
        sas.outbound().ifPresent(sa -> out.put(sa.spi(), sa.bytes()));
        return new EspActivity(lastInbound, lastOutboundMillis, in, out);
    }

    /** Whether any SA is installed. */
    boolean active() {
        return !sas.inboundSas().isEmpty() || sas.outbound().isPresent();
    }

    void clear() {
        sas.clear();
        pendingOutbound.clear();
        usedOutbound.clear();
    }
}
