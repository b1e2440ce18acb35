package dev.roadwarrior.engine.ike.phase1;

import dev.roadwarrior.engine.crypto.Hasher;
import dev.roadwarrior.engine.ike.codec.payload.ZeroPadding;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * NAT-D hashes (RFC 3947 §3.2): HASH(CKY-I | CKY-R | IP | Port) with the negotiated hash.
 */
public final class NatDetection {

    private NatDetection() {
    }

    /** The NAT-D hash of one address and port. */
    public static byte[] hash(Hasher hasher, byte[] cookies, InetSocketAddress address) {
        byte[] port = ByteBuffer.allocate(2).putShort((short) address.getPort()).array();
        return hasher.digest(cookies, address.getAddress().getAddress(), port);
    }

    /** Whether a received NAT-D hash differs from the one for {@code address}: a NAT is in between. */
    public static boolean translated(Hasher hasher, byte[] cookies, InetSocketAddress address, byte[] received) {
        byte[] expected = hash(hasher, cookies, address);
        return !MessageDigest.isEqual(expected, ZeroPadding.trim(received, expected.length));
    }
}
