package dev.roadwarrior.engine.esp;

/**
 * Why a packet was not passed on. Packets from the network never cause an exception; each drop
 * is counted in {@link EspStatistics} under one of these reasons.
 */
public enum DropReason {
    /** Inbound: no inbound SA has the packet's SPI (e.g. already deleted after a rekey). */
    UNKNOWN_SPI,
    /** Inbound: shorter than header, IV, one block (or trailer) and ICV together. */
    TRUNCATED,
    /** Inbound: the ciphertext is not a whole number of cipher blocks. */
    BAD_LENGTH,
    /** Inbound: sequence number 0, already seen, or left of the replay window (RFC 4303 §3.4.3). */
    REPLAY,
    /** Inbound: the integrity check value does not match. */
    BAD_ICV,
    /** Inbound: the pad length exceeds the payload or the padding is not 1, 2, 3, … (RFC 4303 §2.4). */
    BAD_PADDING,
    /** Inbound: next header 59, a dummy packet (RFC 4303 §2.6); discarded silently, not an error. */
    DUMMY_PACKET,
    /** Inbound: next header is neither 4 (IPv4 in tunnel mode) nor 59. */
    BAD_NEXT_HEADER,
    /** The inner packet is not IPv4, or its header or total length is inconsistent. */
    BAD_INNER_PACKET,
    /** Outbound: the sequence number reached 2^32-1; the SA must be replaced (RFC 4303 §3.3.3). */
    SEQUENCE_EXHAUSTED
}
