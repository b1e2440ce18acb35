package dev.roadwarrior.profiles.model;

/** Range checks shared by the model records and the importers, so both agree on the limits. */
public final class Ranges {

    /** UDP ports. */
    public static final long PORT_MIN = 1;
    public static final long PORT_MAX = 65535;
    /** Adapter MTU, as the Shrew GUI allows. */
    public static final long MTU_MIN = 68;
    public static final long MTU_MAX = 1500;
    /** IKE fragment size in bytes. */
    public static final long FRAGMENT_MIN = 68;
    public static final long FRAGMENT_MAX = 65535;
    /** NAT-T keep-alive interval in seconds (0: none). */
    public static final long KEEPALIVE_MAX = 65535;
    /** Lifetimes are 32-bit unsigned in IKE. */
    public static final long LIFETIME_MAX = 0xFFFF_FFFFL;
    /** Key lengths in bits (0: auto). */
    public static final long KEY_LENGTH_MAX = 65535;

    private Ranges() {
    }

    /** Throws {@link IllegalArgumentException} unless {@code min <= value <= max}. */
    public static long check(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " out of range [" + min + ", " + max + "]: " + value);
        }
        return value;
    }
}
