package dev.roadwarrior.engine.crypto;

/**
 * An IKE Diffie-Hellman group, the value of the Group Description attribute (RFC 2409
 * Appendix A, attribute class 4; IANA "IKE Group Description"). Used for phase 1 and for PFS in
 * quick mode. An open set: unknown values are kept as they are.
 *
 * @param value the attribute value, 0 to 65535
 */
public record DhGroup(int value) {

    /** 768-bit MODP, RFC 2409 §6.1. */
    public static final DhGroup MODP_768 = new DhGroup(1);
    /** 1024-bit MODP, RFC 2409 §6.2. */
    public static final DhGroup MODP_1024 = new DhGroup(2);
    /** 1536-bit MODP, RFC 3526 §2. */
    public static final DhGroup MODP_1536 = new DhGroup(5);
    /** 2048-bit MODP, RFC 3526 §3. */
    public static final DhGroup MODP_2048 = new DhGroup(14);
    /** 3072-bit MODP, RFC 3526 §4. */
    public static final DhGroup MODP_3072 = new DhGroup(15);
    /** 4096-bit MODP, RFC 3526 §5. */
    public static final DhGroup MODP_4096 = new DhGroup(16);
    /** 6144-bit MODP, RFC 3526 §6. */
    public static final DhGroup MODP_6144 = new DhGroup(17);
    /** 8192-bit MODP, RFC 3526 §7. */
    public static final DhGroup MODP_8192 = new DhGroup(18);
    /** 256-bit random ECP group (NIST P-256), RFC 5903. */
    public static final DhGroup ECP_256 = new DhGroup(19);
    /** 384-bit random ECP group (NIST P-384), RFC 5903. */
    public static final DhGroup ECP_384 = new DhGroup(20);
    /** 521-bit random ECP group (NIST P-521), RFC 5903. */
    public static final DhGroup ECP_521 = new DhGroup(21);

    public DhGroup {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("attribute value out of range: " + value);
        }
    }

    /** The group for an attribute value, known or not. */
    public static DhGroup of(int value) {
        return new DhGroup(value);
    }

    /** Whether this is one of the groups named by the constants above. */
    public boolean isKnown() {
        return nameOf(value) != null;
    }

    @Override
    public String toString() {
        String name = nameOf(value);
        return name != null ? name : "GROUP_UNKNOWN(" + value + ")";
    }

    private static String nameOf(int value) {
        return switch (value) {
            case 1 -> "MODP-768";
            case 2 -> "MODP-1024";
            case 5 -> "MODP-1536";
            case 14 -> "MODP-2048";
            case 15 -> "MODP-3072";
            case 16 -> "MODP-4096";
            case 17 -> "MODP-6144";
            case 18 -> "MODP-8192";
            case 19 -> "ECP-256";
            case 20 -> "ECP-384";
            case 21 -> "ECP-521";
            default -> null;
        };
    }
}
