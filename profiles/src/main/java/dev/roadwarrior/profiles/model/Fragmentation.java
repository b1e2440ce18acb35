package dev.roadwarrior.profiles.model;

import java.util.Objects;

/**
 * IKE fragmentation ({@code network-frag-mode}, {@code network-frag-size}).
 *
 * @param mode when to fragment
 * @param maxPacketSize the largest IKE packet in bytes before fragmenting (Shrew default 540)
 */
public record Fragmentation(FragmentationMode mode, int maxPacketSize) {

    public Fragmentation {
        Objects.requireNonNull(mode, "mode");
        Ranges.check("fragment size", maxPacketSize, Ranges.FRAGMENT_MIN, Ranges.FRAGMENT_MAX);
    }
}
