package dev.roadwarrior.engine.ike.codec.payload;

import java.util.HashMap;
import java.util.Map;

/**
 * Identification type of the IPsec DOI (RFC 2407 §4.6.2.1). An open enum: any value 0-255 is a
 * valid instance and unknown types are kept; the constants name the known ones.
 *
 * @param value the wire value, 0 to 255
 */
public record IdType(int value) {

    private static final Map<Integer, String> NAMES = new HashMap<>();

    public static final IdType IPV4_ADDR = known(1, "IPV4_ADDR");
    public static final IdType FQDN = known(2, "FQDN");
    public static final IdType USER_FQDN = known(3, "USER_FQDN");
    public static final IdType IPV4_ADDR_SUBNET = known(4, "IPV4_ADDR_SUBNET");
    public static final IdType IPV6_ADDR = known(5, "IPV6_ADDR");
    public static final IdType IPV6_ADDR_SUBNET = known(6, "IPV6_ADDR_SUBNET");
    public static final IdType IPV4_ADDR_RANGE = known(7, "IPV4_ADDR_RANGE");
    public static final IdType IPV6_ADDR_RANGE = known(8, "IPV6_ADDR_RANGE");
    public static final IdType DER_ASN1_DN = known(9, "DER_ASN1_DN");
    public static final IdType DER_ASN1_GN = known(10, "DER_ASN1_GN");
    public static final IdType KEY_ID = known(11, "KEY_ID");

    public IdType {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("ID type out of range: " + value);
        }
    }

    private static IdType known(int value, String name) {
        NAMES.put(value, name);
        return new IdType(value);
    }

    /**
     * The fixed length of the identification data of the address types (4, 8, 16 or 32 bytes), or
     * -1 for the types of variable length.
     */
    public int fixedDataLength() {
        switch (value) {
            case 1:
                return 4;
            case 4:
            case 7:
                return 8;
            case 5:
                return 16;
            case 6:
            case 8:
                return 32;
            default:
                return -1;
        }
    }

    @Override
    public String toString() {
        String name = NAMES.get(value);
        return name != null ? name : "ID_" + value;
    }
}
