package dev.roadwarrior.engine.esp;

import static dev.roadwarrior.engine.esp.TestVectors.blocks;
import static dev.roadwarrior.engine.esp.TestVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Whole ESP packets and cipher wiring against published vectors (see ../shared/vectors/SOURCES.md). */
class EspKnownAnswerTest {

    private static final String RFC3602 = "esp_crypto/rfc3602/rfc3602_esp_cases_5-8.txt";
    private static final String RUB_ESP = "ikev1_sessions/rub-nds/ESPMessageTest.vectors.txt";
    private static final String GCM_ESP = "esp_crypto/gcm_esp/openbsd_gmac_test_draft-mcgrew-excerpt.vectors.txt";
    private static final String INTEL_GCM = "esp_crypto/intel-ipsec-mb/gcm_test.json";

    @Test
    void rfc3602Cases5To8EncapsulateExactlyAndDecapsulate() {
        List<Map<String, String>> cases = blocks(RFC3602);
        assertEquals(4, cases.size());
        for (Map<String, String> c : cases) {
            checkCbcPacket(c, hex(c.get("key")), new EspTransform(EspEncryption.AES_CBC, 128, EspIntegrity.NONE));
        }
    }

    @Test
    void rubNdsPacketsIncludingHmacSha1EncapsulateExactly() {
        int checked = 0;
        for (Map<String, String> c : blocks(RUB_ESP)) {
            if (!c.containsKey("esp_packet")) {
                continue;
            }
            if (c.containsKey("integrity")) {
                assertEquals("HmacSHA1", c.get("integrity"));
                byte[] keymat = concat(hex(c.get("enc_key")), hex(c.get("auth_key")));
                checkCbcPacket(c, keymat, EspTransform.AES_128_SHA1);
            } else {
                checkCbcPacket(c, hex(c.get("key")), new EspTransform(EspEncryption.AES_CBC, 128, EspIntegrity.NONE));
            }
            checked++;
        }
        assertEquals(5, checked);
    }

    @Test
    void rubNdsTamperedAuthenticatedPacketIsBadIcv() {
        Map<String, String> c = blocks(RUB_ESP).stream().filter(b -> b.containsKey("integrity")).findFirst().orElseThrow();
        byte[] packet = hex(c.get("esp_packet"));
        packet[72] = 0; // the source's negative test
        EspSa in = Fixtures.sa(Direction.INBOUND, (int) Long.parseLong(c.get("spi"), 16), EspTransform.AES_128_SHA1,
                concat(hex(c.get("enc_key")), hex(c.get("auth_key"))));
        EspProcessor processor = new EspProcessor();
        assertEquals(EspResult.Dropped.of(DropReason.BAD_ICV), processor.decapsulate(Fixtures.table(in), ByteBuffer.wrap(packet)));
        assertEquals(1, processor.statistics().dropped(DropReason.BAD_ICV));
        assertEquals(0, in.sequenceNumber(), "replay window untouched by a forged packet");
    }

    @Test
    void rubNdsPaddingCases() {
        int checked = 0;
        for (Map<String, String> c : blocks(RUB_ESP)) {
            if (!c.containsKey("operation")) {
                continue;
            }
            byte[] input = hex(c.get("input"));
            byte[] expected = hex(c.get("expected"));
            if (c.get("operation").equals("addRFC2406Padding")) {
                byte[] buf = Arrays.copyOf(input, input.length + 18);
                int padded = EspPadding.write(buf, 0, input.length, 16, 0);
                assertArrayEquals(expected, Arrays.copyOf(buf, padded), c.get("case"));
            } else {
                assertEquals(expected.length, EspPadding.dataLength(input, 0, input.length), c.get("case"));
            }
            checked++;
        }
        assertEquals(8, checked);
    }

    /** Encapsulates with the vector's IV and sequence number, compares, then decapsulates. */
    private static void checkCbcPacket(Map<String, String> c, byte[] keymat, EspTransform t) {
        String name = c.get("case");
        int spi = (int) Long.parseLong(c.get("spi"), 16);
        long seq = Long.parseLong(c.get("seq"));
        int nextHeader = Integer.parseInt(c.get("next_header"), 16);
        byte[] payload = hex(c.get("payload"));
        byte[] expected = hex(c.get("esp_packet"));

        EspSa out = Fixtures.sa(Direction.OUTBOUND, spi, t, keymat);
        out.skipSequenceTo(seq - 1);
        EspProcessor processor = new EspProcessor(Fixtures.fixedIvs(hex(c.get("iv"))));
        ByteBuffer dst = ByteBuffer.allocate(payload.length + t.maxOverhead());
        EspResult sealed = nextHeader == 4
                ? processor.encapsulate(out, ByteBuffer.wrap(payload), dst)
                : processor.seal(out, ByteBuffer.wrap(payload), payload.length, nextHeader, dst);
        assertEquals(hex(expected), hex(Fixtures.bytes(assertInstanceOf(EspResult.Processed.class, sealed).packet())), name);

        EspSa in = Fixtures.sa(Direction.INBOUND, spi, t, keymat);
        EspResult opened = new EspProcessor().decapsulate(Fixtures.table(in), ByteBuffer.wrap(expected));
        if (nextHeader == 4) {
            assertArrayEquals(payload, Fixtures.bytes(assertInstanceOf(EspResult.Processed.class, opened).packet()), name);
            assertEquals(seq, in.sequenceNumber());
        } else {
            // transport-mode vector (ICMP): decrypted and padding accepted, then refused in tunnel mode
            assertEquals(EspResult.Dropped.of(DropReason.BAD_NEXT_HEADER), opened, name);
        }
    }

    @Test
    void draftMcgrewGcmEspCasesVerifyAndDecrypt() {
        int checked = 0;
        for (Map<String, String> c : blocks(GCM_ESP)) {
            byte[] aad = hex(c.get("aad"));
            if (aad.length != 8 || !c.containsKey("ciphertext")) {
                continue; // extended sequence numbers (12-byte AAD) and GMAC are not used with IKEv1
            }
            String name = c.get("case") + " entry " + c.get("entry");
            byte[] keySalt = hex(c.get("key_salt"));
            EspTransform t = new EspTransform(EspEncryption.AES_GCM_16, (keySalt.length - 4) * 8, EspIntegrity.NONE);
            byte[] packet = concat(aad, hex(c.get("iv")), hex(c.get("ciphertext")), hex(c.get("tag")));

            byte[] plain = new byte[packet.length];
            int plainLength = SaCrypto.create(t, keySalt, new byte[0]).open(packet, 0, packet.length, plain, 0);
            assertEquals(packet.length - 32, plainLength, name);
            // the draft's plaintexts are an IPv4 packet (or nothing) and RFC 4303 padding
            int dataLength = EspPadding.dataLength(plain, 0, plainLength);
            assertTrue(dataLength >= 0, name + ": padding");
            assertTrue(dataLength == 0 || plain[0] == 0x45, name + ": IPv4 header");

            byte[] forged = packet.clone();
            forged[forged.length - 1] ^= 1;
            assertEquals(-1, SaCrypto.create(t, keySalt, new byte[0]).open(forged, 0, forged.length, plain, 0), name);

            int spi = ByteBuffer.wrap(aad).getInt();
            if (spi != 0) {
                EspSa in = Fixtures.sa(Direction.INBOUND, spi, t, keySalt);
                // the draft writes next header 1 in these tunnel packets: ICV and padding pass, then refused
                assertEquals(EspResult.Dropped.of(DropReason.BAD_NEXT_HEADER),
                        new EspProcessor().decapsulate(Fixtures.table(in), ByteBuffer.wrap(packet)), name);
                assertEquals(ByteBuffer.wrap(aad).getInt(4) & 0xFFFF_FFFFL, in.sequenceNumber(), name);
            }
            checked++;
        }
        assertEquals(5, checked);
    }

    @Test
    void draftMcgrewGcmCase7SealsExactly() {
        Map<String, String> c = blocks(GCM_ESP).stream()
                .filter(b -> "7".equals(b.get("entry"))).findFirst().orElseThrow();
        byte[] plain = hex(intelField(TestVectors.read(INTEL_GCM), 12, "msg"));
        byte[] keySalt = hex(c.get("key_salt"));
        EspTransform t = new EspTransform(EspEncryption.AES_GCM_16, 192, EspIntegrity.NONE);
        byte[] header = concat(hex(c.get("aad")), hex(c.get("iv")));
        byte[] buf = Arrays.copyOf(concat(header, plain), header.length + plain.length + 16);

        Fixtures.sealInPlace(SaCrypto.create(t, keySalt, new byte[0]), t, buf, 0, plain.length);

        assertEquals(c.get("ciphertext") + c.get("tag"), hex(Arrays.copyOfRange(buf, header.length, buf.length)));
    }

    @Test
    void aesAnd3desCbcCipherVectors() {
        int checked = 0;
        for (String file : List.of("esp_crypto/strongswan/aes_cbc.vectors.txt", "esp_crypto/strongswan/3des_cbc.vectors.txt")) {
            for (Map<String, String> c : blocks(file)) {
                byte[] key = hex(c.get("key"));
                EspEncryption e = c.get("alg").equals("ENCR_3DES") ? EspEncryption.TRIPLE_DES_CBC : EspEncryption.AES_CBC;
                EspTransform t = new EspTransform(e, key.length * 8, EspIntegrity.NONE);
                byte[] header = concat(new byte[] {0, 0, 0, 1, 0, 0, 0, 1}, hex(c.get("iv")));
                byte[] plain = hex(c.get("plain"));
                byte[] packet = concat(header, plain);

                Fixtures.sealInPlace(SaCrypto.create(t, key, new byte[0]), t, packet, 0, plain.length);
                assertEquals(c.get("cipher"), hex(Arrays.copyOfRange(packet, header.length, packet.length)), c.get("case"));

                byte[] decrypted = new byte[plain.length];
                assertEquals(plain.length, SaCrypto.create(t, key, new byte[0]).open(packet, 0, packet.length, decrypted, 0));
                assertArrayEquals(plain, decrypted, c.get("case"));
                checked++;
            }
        }
        assertEquals(8, checked);
    }

    @Test
    void truncatedHmacSignerVectors() {
        Map<String, EspIntegrity> byAlg = Map.of("AUTH_HMAC_MD5_96", EspIntegrity.HMAC_MD5_96,
                "AUTH_HMAC_SHA1_96", EspIntegrity.HMAC_SHA1_96,
                "AUTH_HMAC_SHA2_256_128", EspIntegrity.HMAC_SHA2_256_128,
                "AUTH_HMAC_SHA2_384_192", EspIntegrity.HMAC_SHA2_384_192,
                "AUTH_HMAC_SHA2_512_256", EspIntegrity.HMAC_SHA2_512_256);
        int checked = 0;
        for (String file : List.of("md5_hmac", "sha1_hmac", "sha2_hmac")) {
            for (Map<String, String> c : blocks("esp_crypto/strongswan/" + file + ".vectors.txt")) {
                EspIntegrity integrity = byAlg.get(c.get("alg"));
                if (integrity == null) {
                    continue; // PRF vectors and ICV lengths ESP does not use
                }
                byte[] data = hex(c.get("data"));
                // the ICV is the leading bytes; one source array (sha1_hmac_s4) holds more than that
                byte[] mac = Arrays.copyOf(hex(c.get("mac")), integrity.icvLength());
                HmacIcv icv = new HmacIcv(integrity, hex(c.get("key")));
                byte[] out = new byte[integrity.icvLength()];
                icv.compute(data, 0, data.length, out, 0);
                assertEquals(hex(mac), hex(out), c.get("case"));
                assertTrue(icv.verify(data, 0, data.length, mac, 0), c.get("case"));
                mac[mac.length - 1] ^= 1;
                assertFalse(icv.verify(data, 0, data.length, mac, 0), c.get("case"));
                checked++;
            }
        }
        assertEquals(13, checked);
    }

    /** One string field of the test with this tcId in a Wycheproof-style JSON file. */
    private static String intelField(String json, int tcId, String field) {
        int at = json.indexOf("\"tcId\": " + tcId + "\n");
        String test = json.substring(json.lastIndexOf('{', at), at);
        Matcher m = Pattern.compile("\"" + field + "\": \"([0-9a-f]*)\"").matcher(test);
        assertTrue(m.find(), "field " + field + " of tcId " + tcId);
        return m.group(1);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, off, p.length);
            off += p.length;
        }
        return all;
    }
}
