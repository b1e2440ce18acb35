package dev.roadwarrior.engine.ike.codec.payload;

import java.util.HashMap;
import java.util.Map;

/**
 * ISAKMP payload type (RFC 2408 §3.1, RFC 3947, draft-ietf-ipsec-nat-t-ike-02/03, Cisco
 * fragmentation). An open enum: any value 0-255 is a valid instance, so unknown payload types are
 * kept; the constants name the known ones.
 *
 * @param value the wire value, 0 to 255
 */
public record PayloadType(int value) {

    private static final Map<Integer, String> NAMES = new HashMap<>();

    /** Ends the payload chain. */
    public static final PayloadType NONE = known(0, "NONE");
    public static final PayloadType SA = known(1, "SA");
    /** Substructure of SA only, never a top-level payload. */
    public static final PayloadType PROPOSAL = known(2, "PROPOSAL");
    /** Substructure of a proposal only, never a top-level payload. */
    public static final PayloadType TRANSFORM = known(3, "TRANSFORM");
    public static final PayloadType KE = known(4, "KE");
    public static final PayloadType ID = known(5, "ID");
    public static final PayloadType CERT = known(6, "CERT");
    public static final PayloadType CERTREQ = known(7, "CERTREQ");
    public static final PayloadType HASH = known(8, "HASH");
    public static final PayloadType SIG = known(9, "SIG");
    public static final PayloadType NONCE = known(10, "NONCE");
    public static final PayloadType NOTIFY = known(11, "NOTIFY");
    public static final PayloadType DELETE = known(12, "DELETE");
    public static final PayloadType VENDOR_ID = known(13, "VENDOR_ID");
    /** Attribute payload of the Transaction exchange (XAuth, Mode Config). */
    public static final PayloadType ATTRIBUTE = known(14, "ATTRIBUTE");
    public static final PayloadType NAT_D = known(20, "NAT_D");
    public static final PayloadType NAT_OA = known(21, "NAT_OA");
    /** NAT-D as numbered by draft-ietf-ipsec-nat-t-ike-02/03. */
    public static final PayloadType NAT_D_DRAFT = known(130, "NAT_D_DRAFT");
    /** NAT-OA as numbered by draft-ietf-ipsec-nat-t-ike-02/03. */
    public static final PayloadType NAT_OA_DRAFT = known(131, "NAT_OA_DRAFT");
    /** Cisco IKE fragment. */
    public static final PayloadType FRAGMENT = known(132, "FRAGMENT");

    public PayloadType {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("payload type out of range: " + value);
        }
    }

    private static PayloadType known(int value, String name) {
        NAMES.put(value, name);
        return new PayloadType(value);
    }

    @Override
    public String toString() {
        String name = NAMES.get(value);
        return name != null ? name : "PAYLOAD_" + value;
    }
}
