package dev.roadwarrior.profiles.model;

import java.util.Optional;

/**
 * A Diffie-Hellman group by its IKE number ({@code phase1-dhgroup}, {@code phase2-pfsgroup}). The
 * elliptic-curve groups 19, 20 and 21 (RFC 5903) are Roadwarrior extensions that Shrew Soft never
 * had.
 * {@link #AUTO} (number 0) proposes 14, 5, 2 and 1 in phase 1; as a PFS group it asks the gateway
 * (Unity PFS attribute). "PFS disabled" (number -1 in the file) is not a group: see
 * {@link Phase2#pfsGroup()}.
 */
public enum DhGroup {
    AUTO(0),
    MODP_768(1),
    MODP_1024(2),
    MODP_1536(5),
    MODP_2048(14),
    MODP_3072(15),
    MODP_4096(16),
    MODP_6144(17),
    MODP_8192(18),
    ECP_256(19),
    ECP_384(20),
    ECP_521(21);

    private final int number;

    DhGroup(int number) {
        this.number = number;
    }

    /** The IKE group number, as written in the file (0 for auto). */
    public int number() {
        return number;
    }

    /** The group with this number. */
    public static Optional<DhGroup> of(long number) {
        for (DhGroup g : values()) {
            if (g.number == number) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
