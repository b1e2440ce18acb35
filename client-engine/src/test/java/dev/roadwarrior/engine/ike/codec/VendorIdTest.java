package dev.roadwarrior.engine.ike.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.ike.codec.payload.Payload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class VendorIdTest {

    /** Every hex value in the shared vendor ID table and in strongSwan's list. */
    private static Set<String> publishedValues() throws Exception {
        Path dir = SharedVectors.dir().resolve("vendor_ids");
        Set<String> values = new HashSet<>();
        Matcher m = Pattern.compile("`([0-9a-f]+)`").matcher(Files.readString(dir.resolve("vendor_ids.md")));
        while (m.find()) {
            values.add(m.group(1));
        }
        for (Map<String, String> block : SharedVectors.blocks(dir.resolve("strongswan_isakmp_vendor.vectors.txt"))) {
            if (block.containsKey("id")) {
                // strongSwan's literal may be longer than its declared length
                values.add(block.get("id").substring(0, 2 * Integer.parseInt(block.get("len"))));
            }
        }
        return values;
    }

    @Test
    void everyValueIsPublished() throws Exception {
        Set<String> published = publishedValues();
        for (VendorId id : VendorId.values()) {
            assertTrue(published.contains(SharedVectors.hex(id.bytes())), id + " " + SharedVectors.hex(id.bytes()));
        }
    }

    @Test
    void encodedPayloadsMatchTheJavaTestSuite() {
        Path file = SharedVectors.dir().resolve("ikev1_sessions/rub-nds/VendorIDPayloadTest.vectors.txt");
        Map<String, VendorId> byConstant = Map.of("DeadPeerDetection", VendorId.DPD, "XAUTH", VendorId.XAUTH,
                "CiscoUnity10", VendorId.CISCO_UNITY);
        int checked = 0;
        for (Map<String, String> block : SharedVectors.blocks(file)) {
            VendorId id = byConstant.get(block.get("vendor_id_constant"));
            List<Payload> payload = List.of(id.payload());
            assertEquals(block.get("expected_payload"), SharedVectors.hex(IkeMessage.encodeChain(payload)));
            checked++;
        }
        assertEquals(3, checked);
    }

    @Test
    void versionedIdsMatchByPrefix() {
        assertEquals(Optional.of(VendorId.CISCO_UNITY), VendorId.recognize(SharedVectors.hex("12f5f28c457168a9702d9fe274cc0101")));
        assertEquals(Optional.of(VendorId.FRAGMENTATION), VendorId.recognize(SharedVectors.hex("4048b7d56ebce88525e7de7f00d6c2d3")));
        assertEquals(Optional.of(VendorId.FRAGMENTATION),
                VendorId.recognize(SharedVectors.hex("4048b7d56ebce88525e7de7f00d6c2d3c0000000")));
        assertEquals(Optional.of(VendorId.XAUTH), VendorId.recognize(SharedVectors.hex("09002689dfd6b71280a224dec33b81e5")));
        assertEquals(Optional.of(VendorId.MS_NT5_ISAKMPOAKLEY),
                VendorId.recognize(SharedVectors.hex("1e2b516905991c7d7c96fcbfb587e46100000009")));
        assertEquals(Optional.empty(), VendorId.recognize(SharedVectors.hex("4a131c81070358455c5728f20e95452f01")));
        assertEquals(Optional.of(VendorId.NATT_RFC3947), VendorId.recognize(SharedVectors.hex("4a131c81070358455c5728f20e95452f00")),
                "libreswan's zero padding inside the last payload");
        assertEquals(Optional.empty(), VendorId.recognize(SharedVectors.hex("12f5f28c4571")));
        assertEquals(Optional.of(VendorId.NATT_DRAFT_02N), VendorId.recognize(VendorId.NATT_DRAFT_02N.bytes()));
    }
}
