package dev.roadwarrior.engine.ike.codec;

import static dev.roadwarrior.engine.ike.codec.SharedVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.DeletePayload;
import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.NatDPayload;
import dev.roadwarrior.engine.ike.codec.payload.NatOaPayload;
import dev.roadwarrior.engine.ike.codec.payload.NoncePayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.PayloadType;
import dev.roadwarrior.engine.ike.codec.payload.Proposal;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SaPayload;
import dev.roadwarrior.engine.ike.codec.payload.Transform;
import dev.roadwarrior.engine.ike.codec.payload.UnknownPayload;
import dev.roadwarrior.net.Ipv4Network;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages built from records compared with bytes written down by hand from the RFC diagrams,
 * and decoded back to equal records. Every hex string here was composed field by field.
 */
class HandBuiltMessagesTest {

    static final long CKY_I = 0x0102030405060708L;
    static final long CKY_R = 0x1112131415161718L;

    /** Quick Mode message 1 (cleartext form): HASH, SA (ESP, AES-128, HMAC-SHA1), Ni, IDci, IDcr. */
    static final String QUICK_MODE = ""
            + "0102030405060708" + "1112131415161718" + "08" + "10" + "20" + "01" + "0a0b0c0d" + "000000a0"
            + "01000018" + "aa".repeat(20)                                    // HASH
            + "0a000038" + "00000001" + "00000001"                            // SA: DOI IPsec, identity only
            + "0000002c" + "01" + "03" + "04" + "01" + "c0ffee01"             //   proposal #1 ESP, SPI
            + "00000020" + "01" + "0c" + "0000"                               //     transform #1 ESP_AES
            + "80010001" + "000200040000" + "0e10" + "80040001" + "80050002" + "80060080"
            + "05000014" + "bb".repeat(16)                                    // NONCE
            + "05000010" + "04000000" + "0a000002" + "ffffffff"               // IDci 10.0.0.2/32
            + "00000010" + "04000000" + "0a010000" + "ffff0000";              // IDcr 10.1.0.0/16

    static IkeMessage quickMode() {
        Transform aes = new Transform(1, 12, List.of(DataAttribute.basic(1, 1),
                DataAttribute.variable(2, SharedVectors.hex("00000e10")), DataAttribute.basic(4, 1),
                DataAttribute.basic(5, 2), DataAttribute.basic(6, 128)));
        SaPayload sa = SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ESP, SharedVectors.hex("c0ffee01"),
                List.of(aes))));
        return new IkeMessage(IkeHeader.of(CKY_I, CKY_R, ExchangeType.QUICK_MODE, IkeHeader.FLAG_ENCRYPTION, 0x0a0b0c0d),
                List.of(new HashPayload(filled(0xaa, 20)), sa, new NoncePayload(filled(0xbb, 16)),
                        IdPayload.ipv4Subnet(Ipv4Network.parse("10.0.0.2/32")),
                        IdPayload.ipv4Subnet(Ipv4Network.parse("10.1.0.0/16"))));
    }

    /** XAuth reply: HASH, attribute payload REPLY with XAUTH_TYPE, user name and password. */
    static final String TRANSACTION = ""
            + "0102030405060708" + "1112131415161718" + "08" + "10" + "06" + "01" + "01020304" + "00000053"
            + "0e000018" + "cc".repeat(20)
            + "0000001f" + "02" + "00" + "1234"
            + "c0880000"                                                      // XAUTH_TYPE (TV) generic
            + "40890005" + "616c696365"                                       // XAUTH_USER_NAME "alice"
            + "408a0006" + "733363726574";                                    // XAUTH_USER_PASSWORD "s3cret"

    /** Informational: HASH, DPD R-U-THERE (SPI = cookies, sequence 42), delete of two ESP SAs. */
    static final String INFORMATIONAL = ""
            + "0102030405060708" + "1112131415161718" + "08" + "10" + "05" + "01" + "deadbeef" + "00000068"
            + "0b000018" + "dd".repeat(20)
            + "0c000020" + "00000001" + "01" + "10" + "8d28" + "0102030405060708" + "1112131415161718" + "0000002a"
            + "00000014" + "00000001" + "03" + "04" + "0002" + "c0ffee01" + "c0ffee02";

    /** Main Mode message 1: SA (AES-128, SHA1, PSK, group 14, 28800 s), VIDs XAuth, DPD, RFC 3947. */
    static final String MAIN_MODE = ""
            + "0102030405060708" + "0000000000000000" + "01" + "10" + "02" + "00" + "00000000" + "0000008c"
            + "0d00003c" + "00000001" + "00000001"
            + "00000030" + "01" + "01" + "00" + "01"                          //   proposal #1 ISAKMP, no SPI
            + "00000028" + "01" + "01" + "0000"                               //     transform #1 KEY_IKE
            + "80010007" + "800e0080" + "80020002" + "80030001" + "8004000e" + "800b0001" + "000c0004" + "00007080"
            + "0d00000c" + "09002689dfd6b712"
            + "0d000014" + "afcad71368a1f1c96b8696fc77570100"
            + "00000014" + "4a131c81070358455c5728f20e95452f";

    /** Draft-numbered NAT-D and NAT-OA, and a private-use payload 0x85. */
    static final String DRAFT_NAT = ""
            + "0102030405060708" + "1112131415161718" + "82" + "10" + "20" + "01" + "00000001" + "00000048"
            + "83000018" + "ee".repeat(20)
            + "8500000c" + "01" + "000000" + "c0a80001"
            + "00000008" + "01020304";

    /** A Cisco fragment: number 1 of ID 1, the last, carrying 4 bytes. */
    static final String FRAGMENT = ""
            + "0102030405060708" + "1112131415161718" + "84" + "10" + "02" + "00" + "00000000" + "00000028"
            + "0000000c" + "0001" + "01" + "01" + "deadbeef";

    static byte[] filled(int value, int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    static List<String> all() {
        return List.of(QUICK_MODE, TRANSACTION, INFORMATIONAL, MAIN_MODE, DRAFT_NAT, FRAGMENT);
    }

    /** Encodes as expected and decodes to the same records. */
    private static IkeMessage check(String expectedHex, IkeMessage built) throws IkeProtocolException {
        byte[] expected = SharedVectors.hex(expectedHex);
        assertEquals(expectedHex, hex(built.encode()));
        IkeMessage decoded = IkeMessage.decode(IkeHeader.decode(expected),
                Arrays.copyOfRange(expected, IkeHeader.SIZE, expected.length));
        assertEquals(built.payloads(), decoded.payloads());
        assertEquals(built.header(), decoded.header());
        return decoded;
    }

    @Test
    void quickModeAndItsHashInput() throws Exception {
        IkeMessage built = quickMode();
        IkeMessage decoded = check(QUICK_MODE, built);
        byte[] chain = SharedVectors.hex(QUICK_MODE.substring(2 * IkeHeader.SIZE));
        assertArrayEquals(chain, decoded.encodePayloads());
        // HASH(1) covers everything after the 24-byte HASH payload
        assertArrayEquals(Arrays.copyOfRange(chain, 24, chain.length), decoded.payloadsAfter(0));
        assertArrayEquals(decoded.payloadsAfter(0), IkeMessage.encodeChain(built.payloads().subList(1, 5)));
        assertArrayEquals(Arrays.copyOfRange(chain, 28, 80), decoded.rawBody(1)); // the SA body
        assertArrayEquals(Arrays.copyOfRange(chain, 24, 80), decoded.rawPayload(1));
        assertEquals(3600, decoded.first(SaPayload.class).orElseThrow().proposals().get(0).transforms().get(0)
                .attribute(2).orElseThrow().longValue());
        assertEquals(List.of("10.0.0.2/32", "10.1.0.0/16"), decoded.all(IdPayload.class).stream()
                .map(id -> id.ipv4Network().orElseThrow().toString()).toList());
    }

    @Test
    void encryptedBodyReplacesTheChainAndPaddingIsIgnored() throws Exception {
        IkeMessage built = quickMode();
        byte[] ciphertext = filled(0x55, 144);
        byte[] datagram = built.encodeWithBody(ciphertext);
        IkeHeader header = IkeHeader.decode(datagram);
        assertEquals(IkeHeader.SIZE + 144, header.length());
        assertEquals(PayloadType.HASH, header.nextPayload());
        byte[] padded = Arrays.copyOf(built.encodePayloads(), 144); // 12 bytes of padding
        IkeMessage decoded = IkeMessage.decode(header, padded);
        assertEquals(built.payloads(), decoded.payloads());
        assertArrayEquals(built.encodePayloads(), decoded.encodePayloads());
    }

    @Test
    void xauthReply() throws Exception {
        IkeMessage built = new IkeMessage(
                IkeHeader.of(CKY_I, CKY_R, ExchangeType.TRANSACTION, IkeHeader.FLAG_ENCRYPTION, 0x01020304),
                List.of(new HashPayload(filled(0xcc, 20)), new AttributePayload(AttributePayload.REPLY, 0x1234, List.of(
                        DataAttribute.basic(ConfigAttributeType.XAUTH_TYPE, 0),
                        DataAttribute.variable(ConfigAttributeType.XAUTH_USER_NAME, "alice"),
                        DataAttribute.variable(ConfigAttributeType.XAUTH_USER_PASSWORD, "s3cret")))));
        AttributePayload attributes = check(TRANSACTION, built).first(AttributePayload.class).orElseThrow();
        assertEquals("alice", attributes.attribute(ConfigAttributeType.XAUTH_USER_NAME).orElseThrow().stringValue());
        assertEquals("[Attr(16520=0), Attr(16521, 5 bytes), Attr(16522, 6 bytes)]", attributes.attributes().toString());
    }

    @Test
    void deadPeerDetectionAndDelete() throws Exception {
        byte[] cookies = IkeHeader.of(CKY_I, CKY_R, ExchangeType.INFORMATIONAL, 0, 0).cookies();
        IkeMessage built = new IkeMessage(
                IkeHeader.of(CKY_I, CKY_R, ExchangeType.INFORMATIONAL, IkeHeader.FLAG_ENCRYPTION, 0xdeadbeef),
                List.of(new HashPayload(filled(0xdd, 20)),
                        new NotifyPayload(1, ProtocolId.ISAKMP, NotifyType.R_U_THERE, cookies, SharedVectors.hex("0000002a")),
                        new DeletePayload(1, ProtocolId.ESP, 4, List.of(SharedVectors.hex("c0ffee01"),
                                SharedVectors.hex("c0ffee02")))));
        IkeMessage decoded = check(INFORMATIONAL, built);
        assertEquals(2, decoded.first(DeletePayload.class).orElseThrow().spis().size());
    }

    @Test
    void mainModeFirstMessage() throws Exception {
        Transform ike = new Transform(1, Transform.KEY_IKE, List.of(DataAttribute.basic(1, 7),
                DataAttribute.basic(14, 128), DataAttribute.basic(2, 2), DataAttribute.basic(3, 1),
                DataAttribute.basic(4, 14), DataAttribute.basic(11, 1),
                DataAttribute.variable(12, SharedVectors.hex("00007080")))); // life as a TLV, as many peers send it
        IkeMessage built = new IkeMessage(IkeHeader.of(CKY_I, 0, ExchangeType.MAIN_MODE, 0, 0), List.of(
                SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ISAKMP, new byte[0], List.of(ike)))),
                VendorId.XAUTH.payload(), VendorId.DPD.payload(), VendorId.NATT_RFC3947.payload()));
        check(MAIN_MODE, built);
    }

    @Test
    void draftNatPayloadsAndUnknownPayload() throws Exception {
        IkeMessage built = new IkeMessage(
                IkeHeader.of(CKY_I, CKY_R, ExchangeType.QUICK_MODE, IkeHeader.FLAG_ENCRYPTION, 1),
                List.of(new NatDPayload(true, filled(0xee, 20)),
                        new NatOaPayload(true, InetAddress.getByName("192.168.0.1")),
                        new UnknownPayload(new PayloadType(0x85), SharedVectors.hex("01020304"))));
        IkeMessage decoded = check(DRAFT_NAT, built);
        assertEquals(List.of(PayloadType.NAT_D_DRAFT, PayloadType.NAT_OA_DRAFT, new PayloadType(0x85)),
                decoded.payloads().stream().map(Payload::type).toList());
    }

    @Test
    void fragment() throws Exception {
        IkeMessage built = new IkeMessage(IkeHeader.of(CKY_I, CKY_R, ExchangeType.MAIN_MODE, 0, 0),
                List.of(new FragmentPayload(1, 1, true, SharedVectors.hex("deadbeef"))));
        check(FRAGMENT, built);
    }

    @Test
    void everyPayloadRecordRoundTrips() throws Exception {
        for (String message : all()) {
            byte[] datagram = SharedVectors.hex(message);
            IkeMessage m = IkeMessage.decode(IkeHeader.decode(datagram),
                    Arrays.copyOfRange(datagram, IkeHeader.SIZE, datagram.length));
            for (Payload p : m.payloads()) {
                assertEquals(p, Payload.decode(p.type(), ByteBuffer.wrap(p.encodeBody())));
            }
        }
    }
}
