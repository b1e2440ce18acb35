package dev.roadwarrior.engine.esp;

/** The direction of one ESP SA: packets we receive, or packets we send. */
public enum Direction {
    /** Packets from the gateway; we chose the SPI; the SA keeps a replay window. */
    INBOUND,
    /** Packets to the gateway; the gateway chose the SPI; the SA keeps the sequence counter. */
    OUTBOUND
}
