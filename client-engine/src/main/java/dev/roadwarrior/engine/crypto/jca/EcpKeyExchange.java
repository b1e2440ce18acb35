package dev.roadwarrior.engine.crypto.jca;

import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.crypto.KeyExchange;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.BigIntegers;

/**
 * Elliptic-curve Diffie-Hellman in the RFC 5903 groups, on Bouncy Castle's curve arithmetic
 * (the JDK cannot derive a public point from a given private key, which the tests need).
 */
final class EcpKeyExchange implements KeyExchange {

    private final DhGroup group;
    private final ECDomainParameters domain;
    private final int fieldLength;
    private final byte[] publicValue;
    private BigInteger privateKey;

    /** Uses the given private key; the tests inject the RFC 5903 values through this. */
    EcpKeyExchange(DhGroup group, BigInteger privateKey) {
        this.group = group;
        this.domain = domain(group);
        if (privateKey.signum() <= 0 || privateKey.compareTo(domain.getN()) >= 0) {
            throw new IllegalArgumentException("private key out of range");
        }
        this.fieldLength = (domain.getCurve().getFieldSize() + 7) / 8;
        this.privateKey = privateKey;
        ECPoint q = new FixedPointCombMultiplier().multiply(domain.getG(), privateKey).normalize();
        this.publicValue = Arrays.concatenate(q.getAffineXCoord().getEncoded(), q.getAffineYCoord().getEncoded());
    }

    static EcpKeyExchange generate(DhGroup group, SecureRandom random) {
        BigInteger n = domain(group).getN();
        return new EcpKeyExchange(group, BigIntegers.createRandomInRange(BigInteger.ONE, n.subtract(BigInteger.ONE), random));
    }

    static boolean supports(DhGroup group) {
        return curveName(group) != null;
    }

    @Override
    public DhGroup group() {
        return group;
    }

    @Override
    public byte[] publicValue() {
        return publicValue.clone();
    }

    @Override
    public byte[] sharedSecret(byte[] peerPublicValue) throws CryptoException {
        if (privateKey == null) {
            throw new IllegalStateException("key exchange destroyed");
        }
        if (peerPublicValue.length != 2 * fieldLength) {
            throw new CryptoException(CryptoException.Reason.PUBLIC_VALUE_LENGTH,
                    group + " needs " + 2 * fieldLength + " bytes, got " + peerPublicValue.length);
        }
        ECPoint peer;
        try {
            // decodePoint rejects coordinates outside the field and points off the curve
            peer = domain.validatePublicPoint(domain.getCurve().decodePoint(Arrays.concatenate(new byte[] {4}, peerPublicValue)));
        } catch (IllegalArgumentException e) {
            throw new CryptoException(CryptoException.Reason.POINT_NOT_ON_CURVE, "peer value in " + group);
        }
        ECPoint shared = peer.multiply(privateKey).normalize();
        if (shared.isInfinity()) {
            throw new CryptoException(CryptoException.Reason.POINT_NOT_ON_CURVE, "shared point is the identity in " + group);
        }
        return shared.getAffineXCoord().getEncoded();
    }

    @Override
    public void destroy() {
        privateKey = null;
    }

    private static ECDomainParameters domain(DhGroup group) {
        String name = curveName(group);
        if (name == null) {
            throw new IllegalArgumentException("not an ECP group: " + group);
        }
        X9ECParameters curve = CustomNamedCurves.getByName(name);
        return new ECDomainParameters(curve);
    }

    private static String curveName(DhGroup group) {
        return switch (group.value()) {
            case 19 -> "secp256r1";
            case 20 -> "secp384r1";
            case 21 -> "secp521r1";
            default -> null;
        };
    }
}
