package dev.roadwarrior.engine.ike.codec;

import static dev.roadwarrior.engine.ike.codec.SharedVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdType;
import dev.roadwarrior.engine.ike.codec.payload.KePayload;
import dev.roadwarrior.engine.ike.codec.payload.NatDPayload;
import dev.roadwarrior.engine.ike.codec.payload.NoncePayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.PayloadType;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SaPayload;
import dev.roadwarrior.engine.ike.codec.payload.Transform;
import dev.roadwarrior.engine.ike.codec.payload.UnknownPayload;
import dev.roadwarrior.engine.ike.codec.payload.VendorIdPayload;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Captured IKEv1 datagrams from ike-scan, Openswan, libreswan and a Java IKEv1 test suite (see
 * ../shared/vectors/SOURCES.md): every cleartext message decodes, re-encodes to the same bytes
 * (also when rebuilt from its payload records), and the fields match what the sources state.
 */
class GoldenCapturesTest {

    private static Path sessions() {
        return SharedVectors.dir().resolve("ikev1_sessions");
    }

    /** Decodes a datagram; for a cleartext one asserts both round trips. Null when encrypted. */
    static IkeMessage roundTrip(byte[] datagram) throws IkeProtocolException {
        IkeHeader header = IkeHeader.decode(datagram);
        assertEquals(datagram.length, header.length());
        if (header.isEncrypted()) {
            return null;
        }
        IkeMessage message = IkeMessage.decode(datagram);
        assertArrayEquals(datagram, message.encode());
        assertArrayEquals(datagram, new IkeMessage(message.header(), message.payloads()).encode());
        return message;
    }

    private static List<String> vendorIds(IkeMessage m) {
        return m.all(VendorIdPayload.class).stream().map(v -> hex(v.data())).toList();
    }

    @Test
    void ikeScanResponsesMatchTheExpectedDecode() throws Exception {
        Path dir = sessions().resolve("ike-scan");
        int checked = 0;
        for (Map<String, String> c : SharedVectors.blocks(dir.resolve("check-decode.vectors.txt"))) {
            Path file = dir.resolve(c.get("packet_file"));
            if (!Files.exists(file)) {
                continue; // the source's IKEv2 and certificate samples are not in the folder
            }
            byte[] datagram = SharedVectors.read(file);
            if (c.get("check").startsWith("NAT-T")) {
                assertArrayEquals(new byte[4], Arrays.copyOf(datagram, 4), "non-ESP marker");
                datagram = Arrays.copyOfRange(datagram, 4, datagram.length);
            }
            IkeMessage m = roundTrip(datagram);
            MessageRules.validate(m, false);
            assertEquals(c.get("initiator_cookie"), String.format("%016x", m.header().initiatorCookie()));
            assertEquals(c.get("responder_cookie"), String.format("%016x", m.header().responderCookie()));
            if (c.containsKey("msgid")) {
                assertEquals(c.get("msgid"), String.format("%08x", m.header().messageId()));
            }
            List<String> expectedVids = c.entrySet().stream().filter(e -> e.getKey().startsWith("vendor_id_"))
                    .map(Map.Entry::getValue).toList();
            assertEquals(expectedVids, vendorIds(m), c.get("case"));
            checked++;
        }
        assertEquals(4, checked);
    }

    @Test
    void mainModeResponseCarriesOneIkeTransform() throws Exception {
        IkeMessage m = roundTrip(SharedVectors.read(sessions().resolve("ike-scan/pkt-main-mode-response.dat")));
        assertEquals(ExchangeType.MAIN_MODE, m.header().exchangeType());
        SaPayload sa = m.first(SaPayload.class).orElseThrow();
        assertEquals(ProtocolId.ISAKMP, sa.proposals().get(0).protocolId());
        Transform t = sa.proposals().get(0).transforms().get(0);
        assertEquals(Transform.KEY_IKE, t.transformId());
        // Enc=3DES Hash=SHA1 Auth=RSA_Sig Group=2 LifeType=Seconds LifeDuration(4)=0x00007080
        assertEquals(List.of(5L, 2L, 3L, 2L, 1L, 28800L), longValues(t));
        DataAttribute life = t.attribute(12).orElseThrow();
        assertFalse(life.basic());
        assertEquals(4, life.value().length);
        assertEquals(VendorId.CHECKPOINT, VendorId.recognize(m.first(VendorIdPayload.class).orElseThrow().data())
                .orElseThrow());
    }

    private static List<Long> longValues(Transform t) throws IkeProtocolException {
        List<Long> values = new ArrayList<>();
        for (DataAttribute a : t.attributes()) {
            values.add(a.longValue());
        }
        return values;
    }

    @Test
    void aggressiveModeBodiesAreThePskCrackInputs() throws Exception {
        Path dir = sessions().resolve("ike-scan");
        Map<String, String> expected = SharedVectors.blocks(dir.resolve("check-decode.vectors.txt")).stream()
                .filter(c -> c.get("case").equals("SAMPLE02")).findFirst().orElseThrow();
        IkeMessage request = roundTrip(SharedVectors.read(dir.resolve("pkt-aggressive.dat")));
        IkeMessage response = roundTrip(SharedVectors.read(dir.resolve("pkt-aggr-mode-response.dat")));

        assertEquals(expected.get("psk_sai_b"), hex(request.rawBody(request.indexOf(SaPayload.class))));
        assertEquals(expected.get("psk_g_xi"), hex(request.first(KePayload.class).orElseThrow().data()));
        assertEquals(expected.get("psk_ni_b"), hex(request.first(NoncePayload.class).orElseThrow().data()));
        IdPayload idi = request.first(IdPayload.class).orElseThrow();
        assertEquals(IdType.USER_FQDN, idi.idType());
        assertEquals("ID(USER_FQDN royhills@hotmail.com 17/500)", idi.toString());

        assertEquals(ExchangeType.AGGRESSIVE, response.header().exchangeType());
        assertEquals(expected.get("psk_g_xr"), hex(response.first(KePayload.class).orElseThrow().data()));
        assertEquals(expected.get("psk_nr_b"), hex(response.first(NoncePayload.class).orElseThrow().data()));
        assertEquals(expected.get("psk_idir_b"), hex(response.rawBody(response.indexOf(IdPayload.class))));
        assertEquals("62.3.105.251/32",
                response.first(IdPayload.class).orElseThrow().ipv4Network().orElseThrow().toString());
        assertEquals(expected.get("psk_hash_r"), hex(response.first(HashPayload.class).orElseThrow().data()));
        assertTrue(vendorIds(response).stream().anyMatch(v -> VendorId.DPD.matches(hex(v))));
    }

    @Test
    void notifyResponseIsNoProposalChosen() throws Exception {
        IkeMessage m = roundTrip(SharedVectors.read(sessions().resolve("ike-scan/pkt-notify-response.dat")));
        assertEquals(ExchangeType.INFORMATIONAL, m.header().exchangeType());
        NotifyPayload n = m.first(NotifyPayload.class).orElseThrow();
        assertEquals(NotifyType.NO_PROPOSAL_CHOSEN, n.notifyType());
        assertEquals(0, n.doi());
        assertEquals(ProtocolId.ISAKMP, n.protocolId());
    }

    @Test
    void pcapsRoundTrip() throws Exception {
        List<Path> pcaps;
        try (Stream<Path> files = Files.walk(sessions())) {
            pcaps = files.filter(p -> p.toString().endsWith(".pcap")).sorted().toList();
        }
        int cleartext = 0;
        int encrypted = 0;
        for (Path pcap : pcaps) {
            for (Pcap.Udp udp : Pcap.udp(SharedVectors.read(pcap))) {
                IkeMessage m = roundTrip(Pcap.isakmp(udp));
                if (m == null) {
                    encrypted++;
                } else {
                    cleartext++;
                    if (m.header().exchangeType().isKnown()) { // not libreswan's AuthIP oddity
                        MessageRules.validate(m, false);
                    }
                }
            }
        }
        assertEquals(27, cleartext + encrypted, "UDP datagrams in " + pcaps.size() + " captures");
        assertEquals(6, encrypted);
    }

    @Test
    void openswanNatTraversalMessages() throws Exception {
        Path dir = sessions().resolve("openswan_libpluto/lp109-v1rwnatQR1");
        IkeMessage m1 = roundTrip(Pcap.isakmp(Pcap.udp(SharedVectors.read(dir.resolve("v1rwnatM1.pcap"))).get(0)));
        List<VendorId> known = m1.all(VendorIdPayload.class).stream()
                .flatMap(v -> VendorId.recognize(v.data()).stream()).toList();
        assertTrue(known.containsAll(List.of(VendorId.DPD, VendorId.NATT_RFC3947, VendorId.NATT_DRAFT_03,
                VendorId.NATT_DRAFT_02N, VendorId.NATT_DRAFT_02)), known.toString());
        IkeMessage m2 = roundTrip(Pcap.isakmp(Pcap.udp(SharedVectors.read(dir.resolve("v1rwnatM2.pcap"))).get(0)));
        assertEquals(2, m2.all(NatDPayload.class).size());
        assertEquals(PayloadType.NAT_D, m2.all(NatDPayload.class).get(0).type());

        Pcap.Udp qi1 = Pcap.udp(SharedVectors.read(dir.resolve("v1rwnatQI1.pcap"))).get(0);
        assertEquals(4500, qi1.destinationPort());
        IkeHeader h = IkeHeader.decode(Pcap.isakmp(qi1));
        assertEquals(ExchangeType.QUICK_MODE, h.exchangeType());
        assertTrue(h.isEncrypted());
        assertEquals(PayloadType.HASH, h.nextPayload());
        assertEquals(0x80010203, h.messageId());
    }

    @Test
    void unknownExchangeAndPayloadTypesAreKept() throws Exception {
        Path file = sessions().resolve("libreswan_pcaps/weirdike-eastwest.pcap-ike.pcap");
        IkeMessage m = roundTrip(Pcap.isakmp(Pcap.udp(SharedVectors.read(file)).get(0)));
        assertEquals(243, m.header().exchangeType().value());
        assertFalse(m.header().exchangeType().isKnown());
        List<Integer> unknown = m.all(UnknownPayload.class).stream().map(u -> u.type().value()).toList();
        assertEquals(List.of(133, 135), unknown);
        assertTrue(m.payloads().get(1) instanceof SaPayload);
        assertTrue(m.all(VendorIdPayload.class).stream()
                .anyMatch(v -> VendorId.FRAGMENTATION.matches(v.data())));
    }

    /** Also checks every cleartext message against {@link MessageRules}. */
    @Test
    void recordedHandshakesDecode() throws Exception {
        Path file = sessions().resolve("rub-nds/IKEv1HandshakeIT.vectors.txt");
        int cleartext = 0;
        int encrypted = 0;
        for (Map<String, String> c : SharedVectors.blocks(file)) {
            if (!c.get("case").startsWith("message pair")) {
                continue;
            }
            for (String key : List.of("request", "response")) {
                for (byte[] datagram : split(SharedVectors.hex(c.get(key)))) {
                    IkeMessage m = roundTrip(datagram);
                    if (m == null) {
                        encrypted++;
                    } else {
                        cleartext++;
                        if (c.get("label").startsWith("Main PKE m3")) {
                            // public key encryption mode (not supported) sends RSA-encrypted ID
                            // payloads in a cleartext message
                            assertEquals(NotifyType.INVALID_FLAGS, assertThrows(IkeProtocolException.class,
                                    () -> MessageRules.validate(m, false)).notifyType());
                        } else {
                            MessageRules.validate(m, false);
                        }
                    }
                }
            }
        }
        assertEquals(15, cleartext);
        assertEquals(16, encrypted);

        Map<String, String> pair1 = SharedVectors.blocks(file).stream()
                .filter(c -> c.get("case").equals("message pair 1")).findFirst().orElseThrow();
        IkeMessage m1 = roundTrip(SharedVectors.hex(pair1.get("request")));
        assertEquals("10.0.3.1/32", m1.first(IdPayload.class).orElseThrow().ipv4Network().orElseThrow().toString());
        IkeMessage m2 = roundTrip(SharedVectors.hex(pair1.get("response")));
        assertEquals(0x0534fc1813e089e1L, m2.header().responderCookie());
        assertEquals(List.of(VendorId.XAUTH, VendorId.DPD), m2.all(VendorIdPayload.class).stream()
                .map(v -> VendorId.recognize(v.data()).orElseThrow()).toList());
        assertFalse(m2.first(FragmentPayload.class).isPresent());
    }

    /** One recorded answer holds two datagrams back to back; split by the header length. */
    private static List<byte[]> split(byte[] bytes) {
        List<byte[]> out = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int length = ByteBuffer.wrap(bytes, at + 24, 4).getInt();
            out.add(Arrays.copyOfRange(bytes, at, at + length));
            at += length;
        }
        return out;
    }
}
