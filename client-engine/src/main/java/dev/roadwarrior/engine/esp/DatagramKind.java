package dev.roadwarrior.engine.esp;

/** What a datagram on the NAT-T port 4500 carries (RFC 3948 §2.2). */
public enum DatagramKind {
    /** An IKE message after the 4-byte non-ESP marker. */
    IKE,
    /** An ESP packet: the first 4 bytes are its non-zero SPI. */
    ESP,
    /** A NAT-keepalive: the single byte 0xFF; to be ignored. */
    KEEPALIVE,
    /** None of these (too short, or a single byte other than 0xFF); to be dropped. */
    INVALID
}
