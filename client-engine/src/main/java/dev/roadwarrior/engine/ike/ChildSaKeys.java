package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.esp.EspTransform;

/**
 * One negotiated ESP SA pair, ready for the data plane: what Quick Mode hands to the runtime.
 * Keymat arrays hold the encryption key first, then the authentication key (RFC 2409 §5.5), as
 * {@link dev.roadwarrior.engine.esp.EspSa#create} expects. Never log the keymat.
 *
 * @param inboundSpi the SPI we chose (the gateway sends with it)
 * @param outboundSpi the SPI the gateway chose (we send with it)
 * @param transform the negotiated ESP transform
 * @param inboundKeymat keys for packets from the gateway
 * @param outboundKeymat keys for packets to the gateway
 * @param lifetimeSeconds the negotiated lifetime in seconds (0: none)
 * @param lifetimeKilobytes the negotiated lifetime in kilobytes (0: none)
 * @param udpEncapsulated whether ESP goes in UDP (NAT-T) rather than raw IP protocol 50
 */
public record ChildSaKeys(
        int inboundSpi,
        int outboundSpi,
        EspTransform transform,
        byte[] inboundKeymat,
        byte[] outboundKeymat,
        long lifetimeSeconds,
        long lifetimeKilobytes,
        boolean udpEncapsulated) {

    @Override
    public String toString() {
        return "ChildSaKeys[in=" + Integer.toHexString(inboundSpi) + " out=" + Integer.toHexString(outboundSpi)
                + " " + transform + " life=" + lifetimeSeconds + "s/" + lifetimeKilobytes + "kB"
                + (udpEncapsulated ? " udp-encap" : "") + "]";
    }
}
