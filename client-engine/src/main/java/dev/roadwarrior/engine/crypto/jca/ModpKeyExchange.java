package dev.roadwarrior.engine.crypto.jca;

import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.crypto.KeyExchange;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Diffie-Hellman in a {@link ModpGroup}, with plain {@link BigInteger} arithmetic (no Bouncy Castle:
 * loading its signed jar costs a cold connect half a second of signature checks).
 */
final class ModpKeyExchange implements KeyExchange {

    private final ModpGroup group;
    private final byte[] publicValue;
    private BigInteger exponent;

    /** Uses the given private exponent; the tests inject known values through this. */
    ModpKeyExchange(ModpGroup group, BigInteger exponent) {
        if (exponent.signum() <= 0 || exponent.compareTo(group.prime()) >= 0) {
            throw new IllegalArgumentException("private exponent out of range");
        }
        this.group = group;
        this.exponent = exponent;
        this.publicValue = unsigned(group.length(), ModpGroup.GENERATOR.modPow(exponent, group.prime()));
    }

    static ModpKeyExchange generate(ModpGroup group, SecureRandom random) {
        BigInteger x;
        do {
            x = new BigInteger(group.exponentBits(), random);
        } while (x.bitLength() < group.exponentBits() - 8);
        return new ModpKeyExchange(group, x);
    }

    @Override
    public DhGroup group() {
        return group.group();
    }

    @Override
    public byte[] publicValue() {
        return publicValue.clone();
    }

    @Override
    public byte[] sharedSecret(byte[] peerPublicValue) throws CryptoException {
        if (exponent == null) {
            throw new IllegalStateException("key exchange destroyed");
        }
        if (peerPublicValue.length != group.length()) {
            throw new CryptoException(CryptoException.Reason.PUBLIC_VALUE_LENGTH,
                    group.group() + " needs " + group.length() + " bytes, got " + peerPublicValue.length);
        }
        BigInteger y = new BigInteger(1, peerPublicValue);
        BigInteger p = group.prime();
        if (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
            throw new CryptoException(CryptoException.Reason.PUBLIC_VALUE_OUT_OF_RANGE,
                    "peer value is 0, 1, p-1 or not below p in " + group.group());
        }
        return unsigned(group.length(), y.modPow(exponent, p));
    }

    @Override
    public void destroy() {
        exponent = null;
    }

    /** The value as exactly {@code length} big-endian bytes, zero-padded on the left. */
    private static byte[] unsigned(int length, BigInteger value) {
        byte[] signed = value.toByteArray();
        int skip = signed.length > length ? signed.length - length : 0;
        byte[] out = new byte[length];
        System.arraycopy(signed, skip, out, length - (signed.length - skip), signed.length - skip);
        return out;
    }
}
