package dev.roadwarrior.profiles.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The phase 2 (IPsec SA) proposal: the Shrew "Phase 2" tab.
 *
 * @param transform the ESP cipher, or auto
 * @param keyLength the key length in bits for AES/Blowfish, 0 for auto
 * @param hmac the ESP integrity algorithm, or auto
 * @param pfsGroup perfect forward secrecy: empty = disabled (file value -1); {@link DhGroup#AUTO}
 *     (file value 0) = use the group the gateway names (Unity PFS); otherwise that group
 * @param lifetime the proposed lifetime (also used for IPComp)
 * @param ipcomp IP payload compression
 */
public record Phase2(Cipher transform, int keyLength, HashAlgorithm hmac, Optional<DhGroup> pfsGroup,
        Lifetime lifetime, IpcompTransform ipcomp) {

    /** The file value of "PFS disabled". */
    public static final int PFS_DISABLED = -1;

    public Phase2 {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(hmac, "hmac");
        pfsGroup = Objects.requireNonNullElse(pfsGroup, Optional.empty());
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(ipcomp, "ipcomp");
        if (!transform.acceptsKeyLength(keyLength)) {
            throw new IllegalArgumentException("key length " + keyLength + " does not fit " + transform);
        }
    }

    /** The value of {@code phase2-pfsgroup}: -1, 0 or the group number. */
    public int pfsGroupNumber() {
        return pfsGroup.map(DhGroup::number).orElse(PFS_DISABLED);
    }
}
