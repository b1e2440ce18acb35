package dev.roadwarrior.engine.ike.keymat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roadwarrior.engine.crypto.BlockCipher;
import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.crypto.EncryptionAlgorithm;
import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.testutil.Vectors;
import dev.roadwarrior.engine.testutil.Vectors.Block;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.interfaces.DHPrivateKey;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays RUB-NDS's recorded handshakes (IKEv1HandshakeIT: AES-128, SHA-1, MODP-1024, PSK "AAAA")
 * from the initiator's side: every HASH the gateway sent verifies, and every encrypted message
 * the initiator sent is reproduced byte for byte by {@link MessageEncryption}, so the IV chains
 * of phase 1, quick mode and an informational exchange are exactly right.
 */
class RecordedSessionTest {

    private static final String FILE = "ikev1_sessions/rub-nds/IKEv1HandshakeIT.vectors.txt";
    private static final int SA = 1;
    private static final int KE = 4;
    private static final int ID = 5;
    private static final int HASH = 8;
    private static final int NONCE = 10;

    private final IkeCrypto crypto = new JcaIkeCrypto();
    private final BlockCipher aes = crypto.createCipher(EncryptionAlgorithm.AES_CBC, 128);
    private List<Block> blocks;

    @BeforeEach
    void load() {
        blocks = Vectors.parse(Vectors.require(FILE));
    }

    @Test
    void aggressiveModeWithQuickMode() throws Exception {
        Block inputs = block("testAggressiveModePSKHandshake");
        Message m1 = Message.parse(pair(1).hex("request"));
        Message m2 = Message.parse(pair(1).hex("response"));
        Message m3 = Message.parse(pair(2).hex("request"));
        byte[] gxi = m1.payload(KE);
        byte[] gxr = m2.payload(KE);
        Session s = new Session(inputs, m1, m2, gxi, gxr, m1.payload(NONCE), m2.payload(NONCE));

        assertArrayEquals(m2.payload(HASH), s.keymat.hashR(gxi, gxr, m1.payload(SA), m2.payload(ID)));
        assertArrayEquals(m3.payload(HASH), s.keymat.hashI(gxi, gxr, m1.payload(SA), m1.payload(ID)));
        s.quickMode(pair(3), pair(4));
    }

    @Test
    void mainModeWithQuickMode() throws Exception {
        Block inputs = block("testMainModePSKHandshake");
        Message m1 = Message.parse(pair(5).hex("request"));
        Message m3 = Message.parse(pair(6).hex("request"));
        Message m4 = Message.parse(pair(6).hex("response"));
        Session s = new Session(inputs, m1, m4, m3.payload(KE), m4.payload(KE), m3.payload(NONCE), m4.payload(NONCE));
        assertArrayEquals(inputs.hex("expected_responder_nonce"), m4.payload(NONCE));

        s.mainModeFinish(m1.payload(SA), pair(7).hex("request"), pair(7).hex("response"));
        s.quickMode(pair(8), pair(9));
    }

    @Test
    void informationalAfterMainModeStartsFromTheLastPhaseOneBlock() throws Exception {
        Block inputs = block("testMoreThanOneMessageHandshake");
        Message m1 = Message.parse(pair(15).hex("request"));
        Message m3 = Message.parse(pair(16).hex("request"));
        Message m4 = Message.parse(pair(16).hex("response"));
        Session s = new Session(inputs, m1, m4, m3.payload(KE), m4.payload(KE), m3.payload(NONCE), m4.payload(NONCE));

        byte[] both = pair(17).hex("response"); // MM6 followed by an informational exchange
        Message m6 = Message.parse(both);
        Message info = Message.parse(Arrays.copyOfRange(both, m6.length, both.length));
        s.mainModeFinish(m1.payload(SA), pair(17).hex("request"), Arrays.copyOf(both, m6.length));

        assertEquals(5, info.exchangeType);
        byte[] plain = s.encryption.decrypt(info.messageId, info.body);
        List<Payload> payloads = Payload.walk(info.firstPayload, plain);
        assertEquals(HASH, payloads.get(0).type);
        assertArrayEquals(payloads.get(0).body, s.keymat.messageHash(info.messageId, afterHash(plain, payloads)));
    }

    /** One initiator-side ISAKMP SA rebuilt from the recorded values. */
    private final class Session {
        final Keymat keymat;
        final IvManager ivs;
        final MessageEncryption encryption;
        final byte[] gxi;
        final byte[] gxr;

        Session(Block inputs, Message first, Message reply, byte[] gxi, byte[] gxr, byte[] ni, byte[] nr) throws Exception {
            DHPrivateKey x = (DHPrivateKey) KeyFactory.getInstance("DH")
                    .generatePrivate(new PKCS8EncodedKeySpec(inputs.hex("dh_private_key_pkcs8")));
            BigInteger p = x.getParams().getP();
            byte[] gxy = BigIntegers.asUnsignedByteArray(128, new BigInteger(1, gxr).modPow(x.getX(), p));
            assertArrayEquals(inputs.hex("initiator_cookie"), first.cookieI);
            if (inputs.has("expected_responder_cookie")) {
                assertArrayEquals(inputs.hex("expected_responder_cookie"), reply.cookieR);
            }
            assertArrayEquals(inputs.hex("initiator_nonce"), ni);
            this.gxi = gxi;
            this.gxr = gxr;
            keymat = Keymat.forPreSharedKey(crypto.createPrf(HashAlgorithm.SHA1), inputs.hex("psk"), ni, nr, gxy,
                    reply.cookieI, reply.cookieR);
            ivs = new IvManager(crypto.createHasher(HashAlgorithm.SHA1), 16, gxi, gxr);
            encryption = keymat.messageEncryption(aes, ivs);
        }

        /** MM5 (sent: ID, HASH_I) and MM6 (received: ID, HASH_R). */
        void mainModeFinish(byte[] saI, byte[] mm5, byte[] mm6) throws CryptoException {
            Message sent = Message.parse(mm5);
            byte[] plain = resend(sent);
            List<Payload> p5 = Payload.walk(sent.firstPayload, plain);
            assertArrayEquals(p5.get(1).body, keymat.hashI(gxi, gxr, saI, p5.get(0).body));

            Message received = Message.parse(mm6);
            List<Payload> p6 = Payload.walk(received.firstPayload, encryption.decrypt(0, received.body));
            assertArrayEquals(p6.get(1).body, keymat.hashR(gxi, gxr, saI, p6.get(0).body));
            encryption.confirm(0);
        }

        /** QM1 (sent, HASH(1)), QM2 (received, HASH(2)), QM3 (sent, HASH(3)). */
        void quickMode(Block qm12, Block qm3) throws CryptoException {
            Message m1 = Message.parse(qm12.hex("request"));
            int mid = m1.messageId;
            byte[] plain1 = resend(m1);
            List<Payload> p1 = Payload.walk(m1.firstPayload, plain1);
            assertArrayEquals(p1.get(0).body, keymat.messageHash(mid, afterHash(plain1, p1)));
            byte[] ni = find(p1, NONCE);

            Message m2 = Message.parse(qm12.hex("response"));
            assertEquals(mid, m2.messageId);
            byte[] plain2 = encryption.decrypt(mid, m2.body);
            List<Payload> p2 = Payload.walk(m2.firstPayload, plain2);
            assertArrayEquals(p2.get(0).body, keymat.messageHash(mid, ni, afterHash(plain2, p2)));
            encryption.confirm(mid);

            Message m3 = Message.parse(qm3.hex("request"));
            List<Payload> p3 = Payload.walk(m3.firstPayload, resend(m3));
            assertArrayEquals(p3.get(0).body, keymat.hash3(mid, ni, find(p2, NONCE)));
        }

        /**
         * Recovers the plaintext of a message the initiator sent, then encrypts it again through
         * {@link MessageEncryption} (which advances the chain) and expects the recorded bytes.
         */
        byte[] resend(Message sent) {
            byte[] plain = aes.decrypt(keymat.encryptionKey(16), ivs.iv(sent.messageId), sent.body);
            int end = Payload.end(sent.firstPayload, plain);
            assertArrayEquals(sent.body, encryption.encrypt(sent.messageId, Arrays.copyOf(plain, end)));
            return plain;
        }
    }

    private static byte[] afterHash(byte[] plain, List<Payload> payloads) {
        return Arrays.copyOfRange(plain, payloads.get(0).end, payloads.get(payloads.size() - 1).end);
    }

    private static byte[] find(List<Payload> payloads, int type) {
        return payloads.stream().filter(p -> p.type == type).findFirst().orElseThrow().body;
    }

    private Block pair(int n) {
        return block("message pair " + n);
    }

    private Block block(String name) {
        return blocks.stream().filter(b -> b.get("case").equals(name)).findFirst().orElseThrow();
    }

    /** The 28-byte ISAKMP header and the body after it (test-only; the codec does this for real). */
    private static final class Message {
        byte[] cookieI;
        byte[] cookieR;
        int firstPayload;
        int exchangeType;
        int flags;
        int messageId;
        int length;
        byte[] body;
        List<Payload> payloads;

        static Message parse(byte[] bytes) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            Message m = new Message();
            m.cookieI = new byte[8];
            m.cookieR = new byte[8];
            b.get(m.cookieI).get(m.cookieR);
            m.firstPayload = b.get() & 0xff;
            b.get(); // version
            m.exchangeType = b.get() & 0xff;
            m.flags = b.get() & 0xff;
            m.messageId = b.getInt();
            m.length = b.getInt();
            m.body = Arrays.copyOfRange(bytes, 28, m.length);
            m.payloads = (m.flags & 1) == 0 ? Payload.walk(m.firstPayload, m.body) : List.of();
            return m;
        }

        byte[] payload(int type) {
            return find(payloads, type);
        }
    }

    /** A payload's type, body (after the generic header) and end offset. */
    private static final class Payload {
        final int type;
        final byte[] body;
        final int end;

        Payload(int type, byte[] body, int end) {
            this.type = type;
            this.body = body;
            this.end = end;
        }

        static List<Payload> walk(int first, byte[] data) {
            List<Payload> out = new ArrayList<>();
            int off = 0;
            for (int type = first; type != 0; ) {
                int next = data[off] & 0xff;
                int length = (data[off + 2] & 0xff) << 8 | data[off + 3] & 0xff;
                out.add(new Payload(type, Arrays.copyOfRange(data, off + 4, off + length), off + length));
                off += length;
                type = next;
            }
            return out;
        }

        static int end(int first, byte[] data) {
            List<Payload> payloads = walk(first, data);
            return payloads.get(payloads.size() - 1).end;
        }
    }
}
