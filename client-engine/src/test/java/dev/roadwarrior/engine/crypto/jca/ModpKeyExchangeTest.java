package dev.roadwarrior.engine.crypto.jca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.testutil.Vectors;
import dev.roadwarrior.engine.testutil.Vectors.Block;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.KeyAgreement;
import javax.crypto.interfaces.DHPrivateKey;
import javax.crypto.interfaces.DHPublicKey;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class ModpKeyExchangeTest {

    @Test
    void primesMatchPublishedTranscriptions() {
        List<Block> blocks = Vectors.parse(Vectors.require("dh_groups/modp_groups.txt"));
        Map<String, Block> byGroup = blocks.stream().collect(Collectors.toMap(b -> b.sections().get(0), b -> b));
        for (ModpGroup group : ModpGroup.values()) {
            Block b = byGroup.get("group " + group.group().value());
            BigInteger expected = new BigInteger(b.get("prime_hex"), 16);
            assertEquals(expected, new BigInteger(b.get("prime"), 16), "the file's two spellings agree");
            assertEquals(expected, group.prime(), group.name());
            assertEquals(Integer.parseInt(b.get("bits")), group.length() * 8, group.name());
            assertEquals(b.get("generator"), ModpGroup.GENERATOR.toString());
        }
        assertEquals(ModpGroup.values().length, blocks.size());
    }

    @Test
    void rejectsPrimeMinusOneAndPrime() {
        for (ModpGroup group : ModpGroup.values()) {
            ModpKeyExchange kex = new ModpKeyExchange(group, BigInteger.valueOf(12345));
            BigInteger p = group.prime();
            for (BigInteger bad : List.of(p.subtract(BigInteger.ONE), p)) {
                CryptoException e = assertThrows(CryptoException.class,
                        () -> kex.sharedSecret(BigIntegers.asUnsignedByteArray(group.length(), bad)));
                assertEquals(CryptoException.Reason.PUBLIC_VALUE_OUT_OF_RANGE, e.reason());
            }
        }
    }

    @Test
    void acceptsTwoAndPrimeMinusTwo() throws CryptoException {
        ModpKeyExchange kex = new ModpKeyExchange(ModpGroup.MODP_768, BigInteger.valueOf(3));
        BigInteger p = ModpGroup.MODP_768.prime();
        assertArrayEquals(BigIntegers.asUnsignedByteArray(96, BigInteger.valueOf(8)),
                kex.sharedSecret(BigIntegers.asUnsignedByteArray(96, BigInteger.TWO)));
        // (p-2)^3 = (-2)^3 = p-8 (mod p)
        assertArrayEquals(BigIntegers.asUnsignedByteArray(96, p.subtract(BigInteger.valueOf(8))),
                kex.sharedSecret(BigIntegers.asUnsignedByteArray(96, p.subtract(BigInteger.TWO))));
    }

    @Test
    void publicValueIsTwoToThePrivateExponent() {
        ModpKeyExchange kex = new ModpKeyExchange(ModpGroup.MODP_1024, BigInteger.valueOf(10));
        assertArrayEquals(BigIntegers.asUnsignedByteArray(128, BigInteger.valueOf(1024)), kex.publicValue());
    }

    /**
     * RUB-NDS's DH case: their own group-2 key pair and a peer value. They assert only a 128-byte
     * result with a leading zero byte; the JDK's own DH agreement supplies the full expected value.
     */
    @Test
    void sharedSecretMatchesTheJdkOnRecordedKeys() throws Exception {
        Block b = Vectors.parse(Vectors.require("ikev1_sessions/rub-nds/IKEv1HandshakeSessionSecretsTest.vectors.txt"))
                .stream().filter(x -> x.get("case").equals("testComputeDHSecret")).findFirst().orElseThrow();
        KeyFactory factory = KeyFactory.getInstance("DH");
        DHPrivateKey own = (DHPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(b.hex("dh_private_key_pkcs8")));
        DHPublicKey peer = (DHPublicKey) factory.generatePublic(new X509EncodedKeySpec(b.hex("peer_dh_public_key_x509")));
        DHPublicKey ownPublic = (DHPublicKey) factory.generatePublic(new X509EncodedKeySpec(b.hex("dh_public_key_x509")));
        assertEquals(ModpGroup.MODP_1024.prime(), own.getParams().getP());

        ModpKeyExchange kex = new ModpKeyExchange(ModpGroup.MODP_1024, own.getX());
        assertArrayEquals(BigIntegers.asUnsignedByteArray(128, ownPublic.getY()), kex.publicValue());
        byte[] secret = kex.sharedSecret(BigIntegers.asUnsignedByteArray(128, peer.getY()));

        KeyAgreement jdk = KeyAgreement.getInstance("DH");
        jdk.init(own);
        jdk.doPhase(peer, true);
        assertArrayEquals(jdk.generateSecret(), secret);
        assertEquals(Integer.parseInt(b.get("expected_secret_length")), secret.length);
        assertEquals(Integer.parseInt(b.get("expected_secret_first_byte"), 16), secret[0]);
    }
}
