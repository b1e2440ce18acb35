package dev.roadwarrior.engine.ike.proposal;

import dev.roadwarrior.engine.esp.EspTransform;

/**
 * The ESP transform the gateway chose in Quick Mode.
 *
 * @param transform the ESP transform
 * @param peerSpi the gateway's SPI (we send with it)
 * @param lifetimeSeconds lifetime in seconds, 0 when none
 * @param lifetimeKilobytes lifetime in kilobytes, 0 when none
 */
public record Phase2Choice(EspTransform transform, int peerSpi, long lifetimeSeconds, long lifetimeKilobytes) {
}
