package dev.roadwarrior.engine.crypto;

/**
 * Input from the peer that the crypto layer cannot accept: a bad Diffie-Hellman public value
 * or ciphertext of impossible length. {@link #detail()} holds technical context for logs; it
 * never holds key material. The protocol layer maps {@link #reason()} to a notify (e.g.
 * INVALID-KEY-INFORMATION, PAYLOAD-MALFORMED) in one place.
 */
public final class CryptoException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What was wrong with the input. */
    public enum Reason {
        /** A Diffie-Hellman public value whose length is not the group's length. */
        PUBLIC_VALUE_LENGTH,
        /** A MODP public value that is 0, 1, p-1 or not below p. */
        PUBLIC_VALUE_OUT_OF_RANGE,
        /** An ECP public value that is not a point of the group's curve (or is the identity). */
        POINT_NOT_ON_CURVE,
        /** Ciphertext that is empty or not a whole number of cipher blocks. */
        CIPHERTEXT_LENGTH
    }

    private final Reason reason;
    private final String detail;

    public CryptoException(Reason reason, String detail) {
        super(reason + (detail.isEmpty() ? "" : ": " + detail));
        this.reason = reason;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
