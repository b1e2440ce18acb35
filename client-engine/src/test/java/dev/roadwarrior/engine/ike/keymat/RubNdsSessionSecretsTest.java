package dev.roadwarrior.engine.ike.keymat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.testutil.Vectors;
import dev.roadwarrior.engine.testutil.Vectors.Block;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * RUB-NDS IKEv1HandshakeSessionSecretsTest: an initiator with PSK "AAAA", AES-128, SHA-1 and
 * MODP-1024. key_exchange_data is ours (g^xi), peer_key_exchange_data the responder's (g^xr).
 */
class RubNdsSessionSecretsTest {

    private static final int ESP = 3;
    private static final int AES_128_KEY = 16;
    private static final int AES_BLOCK = 16;

    private final IkeCrypto crypto = new JcaIkeCrypto();

    @Test
    void phaseOneSecrets() {
        Block b = block("testComputeSecretKeys");
        Keymat keymat = keymat(b);
        assertArrayEquals(b.hex("expected_skeyid"), keymat.skeyid());
        assertArrayEquals(b.hex("expected_skeyid_d"), keymat.skeyidD());
        assertArrayEquals(b.hex("expected_skeyid_a"), keymat.skeyidA());
        assertArrayEquals(b.hex("expected_skeyid_e"), keymat.skeyidE());
        assertArrayEquals(b.hex("expected_ka"), keymat.encryptionKey(AES_128_KEY));
        assertArrayEquals(b.hex("expected_iv_message_id_00000000"), ivs(b).iv(0));
        assertArrayEquals(b.hex("expected_hash_r"), keymat.hashR(b.hex("key_exchange_data"),
                b.hex("peer_key_exchange_data"), b.hex("sa_offer_body"), b.hex("peer_identification_payload_body")));
    }

    @Test
    void informationalExchangeIv() {
        Block b = block("testComputeSecretKeysInformationalExchange");
        Keymat keymat = keymat(b);
        assertArrayEquals(b.hex("expected_skeyid_e"), keymat.skeyidE());
        assertArrayEquals(b.hex("expected_ka"), keymat.encryptionKey(AES_128_KEY));
        assertArrayEquals(b.hex("expected_hash_r"), keymat.hashR(b.hex("key_exchange_data"),
                b.hex("peer_key_exchange_data"), b.hex("sa_offer_body"), b.hex("peer_identification_payload_body")));
        IvManager ivs = ivs(b);
        assertArrayEquals(b.hex("expected_iv_message_id_00000000"), ivs.iv(0));
        int messageId = HexFormat.fromHexDigits("d8029d42");
        assertArrayEquals(b.hex("expected_iv_message_id_d8029d42"), ivs.iv(messageId));
    }

    @Test
    void quickModeKeymat() {
        Block b = block("testComputeKeyMaterial");
        Keymat keymat = keymat(b);
        assertArrayEquals(b.hex("expected_ka"), keymat.encryptionKey(AES_128_KEY));
        assertArrayEquals(b.hex("expected_iv_message_id_00000000"), ivs(b).iv(0));
        byte[] ni = b.hex("ipsec_initiator_nonce");
        byte[] nr = b.hex("ipsec_responder_nonce");
        // no PFS: the source computes no quick-mode DH secret; 36 bytes = AES-128 key + HMAC-SHA1 key
        assertArrayEquals(b.hex("expected_outbound_keymat"),
                keymat.quickModeKeymat(new byte[0], ESP, b.hex("ipsec_outbound_spi"), ni, nr, 36));
        assertArrayEquals(b.hex("expected_inbound_keymat"),
                keymat.quickModeKeymat(new byte[0], ESP, b.hex("ipsec_inbound_spi"), ni, nr, 36));
    }

    private Keymat keymat(Block b) {
        return Keymat.forPreSharedKey(crypto.createPrf(HashAlgorithm.SHA1), b.hex("psk"), b.hex("initiator_nonce"),
                b.hex("responder_nonce"), b.hex("dh_secret"), b.hex("initiator_cookie"), b.hex("responder_cookie"));
    }

    private IvManager ivs(Block b) {
        return new IvManager(crypto.createHasher(HashAlgorithm.SHA1), AES_BLOCK, b.hex("key_exchange_data"),
                b.hex("peer_key_exchange_data"));
    }

    private static Block block(String name) {
        return Vectors.parse(Vectors.require("ikev1_sessions/rub-nds/IKEv1HandshakeSessionSecretsTest.vectors.txt"))
                .stream().filter(b -> b.get("case").equals(name)).findFirst().orElseThrow();
    }
}
