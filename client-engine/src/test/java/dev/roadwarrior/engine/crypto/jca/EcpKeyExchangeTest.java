package dev.roadwarrior.engine.crypto.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.testutil.Vectors;
import dev.roadwarrior.engine.testutil.Vectors.Block;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 5903 §8: given private values, the public values and g^ir (its x coordinate, §7). */
class EcpKeyExchangeTest {

    @Test
    void matchesRfc5903() throws CryptoException {
        List<Block> blocks = Vectors.parse(Vectors.require("dh_groups/rfc5903/rfc5903_vectors.txt"));
        assertEquals(3, blocks.size());
        for (Block b : blocks) {
            DhGroup group = DhGroup.of(Integer.parseInt(b.sections().get(0).replace("group ", "")));
            EcpKeyExchange initiator = new EcpKeyExchange(group, new BigInteger(b.get("i"), 16));
            EcpKeyExchange responder = new EcpKeyExchange(group, new BigInteger(b.get("r"), 16));
            byte[] gi = Arrays.concatenate(b.hex("gix"), b.hex("giy"));
            byte[] gr = Arrays.concatenate(b.hex("grx"), b.hex("gry"));
            assertArrayEquals(gi, initiator.publicValue(), b.label());
            assertArrayEquals(gr, responder.publicValue(), b.label());
            assertArrayEquals(b.hex("girx"), initiator.sharedSecret(gr), b.label());
            assertArrayEquals(b.hex("girx"), responder.sharedSecret(gi), b.label());
        }
    }

    @Test
    void secondTranscriptionAgrees() throws CryptoException {
        for (Block b : Vectors.parse(Vectors.require("dh_groups/rfc5903/GBRLV_Math-EllipticCurve-Prime_t_05-rfc5903.vectors.txt"))) {
            DhGroup group = switch (b.get("case")) {
                case "secp256r1" -> DhGroup.ECP_256;
                case "secp384r1" -> DhGroup.ECP_384;
                default -> DhGroup.ECP_521;
            };
            EcpKeyExchange initiator = new EcpKeyExchange(group, new BigInteger(b.get("i"), 16));
            assertArrayEquals(b.hex("girx"), initiator.sharedSecret(Arrays.concatenate(b.hex("grx"), b.hex("gry"))));
        }
    }
}
