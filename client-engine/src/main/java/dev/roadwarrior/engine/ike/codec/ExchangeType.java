package dev.roadwarrior.engine.ike.codec;

import java.util.HashMap;
import java.util.Map;

/**
 * ISAKMP exchange type (RFC 2408 §3.1, RFC 2409, draft-ietf-ipsec-isakmp-mode-cfg). An open enum:
 * any value 0-255 is a valid instance, so unknown exchange types are kept and compared by value;
 * the constants name the known ones.
 *
 * @param value the wire value, 0 to 255
 */
public record ExchangeType(int value) {

    private static final Map<Integer, String> NAMES = new HashMap<>();

    public static final ExchangeType NONE = known(0, "NONE");
    public static final ExchangeType BASE = known(1, "BASE");
    /** Identity Protection, i.e. IKE Main Mode. */
    public static final ExchangeType MAIN_MODE = known(2, "MAIN_MODE");
    public static final ExchangeType AUTH_ONLY = known(3, "AUTH_ONLY");
    public static final ExchangeType AGGRESSIVE = known(4, "AGGRESSIVE");
    public static final ExchangeType INFORMATIONAL = known(5, "INFORMATIONAL");
    /** Transaction exchange, carries XAuth and Mode Config attributes. */
    public static final ExchangeType TRANSACTION = known(6, "TRANSACTION");
    public static final ExchangeType QUICK_MODE = known(32, "QUICK_MODE");
    public static final ExchangeType NEW_GROUP_MODE = known(33, "NEW_GROUP_MODE");

    public ExchangeType {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("exchange type out of range: " + value);
        }
    }

    private static ExchangeType known(int value, String name) {
        NAMES.put(value, name);
        return new ExchangeType(value);
    }

    /** Whether this is one of the named exchange types. */
    public boolean isKnown() {
        return NAMES.containsKey(value);
    }

    @Override
    public String toString() {
        String name = NAMES.get(value);
        return name != null ? name : "EXCHANGE_" + value;
    }
}
