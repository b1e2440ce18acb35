package dev.roadwarrior.engine.ike.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FragmentationTest {

    /** An encrypted-looking Main Mode datagram of {@code size} bytes. */
    private static byte[] datagram(int size) {
        byte[] body = new byte[size - IkeHeader.SIZE];
        new Random(size).nextBytes(body);
        IkeHeader header = IkeHeader.of(HandBuiltMessagesTest.CKY_I, HandBuiltMessagesTest.CKY_R,
                ExchangeType.MAIN_MODE, IkeHeader.FLAG_ENCRYPTION, 0);
        return new IkeMessage(header, List.of()).encodeWithBody(body);
    }

    private static FragmentPayload fragmentOf(byte[] message) throws IkeProtocolException {
        IkeMessage m = IkeMessage.decode(message);
        MessageRules.validate(m, false);
        return m.first(FragmentPayload.class).orElseThrow();
    }

    @Test
    void splitsIntoFragmentMessagesAndReassemblesInAnyOrder() throws Exception {
        byte[] original = datagram(1000);
        List<byte[]> messages = Fragmenter.split(original, ExchangeType.AGGRESSIVE, 7, 300);
        assertEquals(4, messages.size()); // 264 data bytes per fragment
        for (int i = 0; i < messages.size(); i++) {
            byte[] message = messages.get(i);
            assertTrue(message.length <= 300);
            IkeHeader h = IkeHeader.decode(message);
            assertEquals(HandBuiltMessagesTest.CKY_I, h.initiatorCookie());
            assertEquals(HandBuiltMessagesTest.CKY_R, h.responderCookie());
            assertEquals(ExchangeType.AGGRESSIVE, h.exchangeType());
            assertEquals(0, h.messageId());
            assertEquals(0, h.flags());
            FragmentPayload f = fragmentOf(message);
            assertEquals(7, f.fragmentId());
            assertEquals(i + 1, f.number());
            assertEquals(i == 3, f.last());
        }
        List<byte[]> shuffled = new ArrayList<>(messages);
        shuffled.add(messages.get(1)); // a duplicate
        Collections.shuffle(shuffled, new Random(5));
        Defragmenter defragmenter = new Defragmenter();
        Optional<byte[]> whole = Optional.empty();
        for (byte[] message : shuffled) {
            Optional<byte[]> result = defragmenter.add(fragmentOf(message), 0);
            if (result.isPresent()) {
                assertTrue(whole.isEmpty(), "reassembled twice");
                whole = result;
            }
        }
        assertArrayEquals(original, whole.orElseThrow());
    }

    @Test
    void goldenFragmentMessage() throws Exception {
        byte[] original = SharedVectors.hex("0102030405060708" + "1112131415161718" + "deadbeef"); // not a header
        assertThrows(IllegalArgumentException.class, () -> Fragmenter.split(original, ExchangeType.MAIN_MODE, 1, 100));
        byte[] datagram = SharedVectors.hex(HandBuiltMessagesTest.QUICK_MODE);
        List<byte[]> messages = Fragmenter.split(datagram, ExchangeType.MAIN_MODE, 1, Fragmenter.OVERHEAD + 156);
        assertEquals(2, messages.size());
        assertEquals("0102030405060708" + "1112131415161718" + "84" + "10" + "02" + "00" + "00000000" + "00000028"
                + "0000000c" + "0001" + "02" + "01" + SharedVectors.hex(datagram).substring(2 * 156),
                SharedVectors.hex(messages.get(1)));
    }

    @Test
    void splitLimits() {
        assertThrows(IllegalArgumentException.class, () -> Fragmenter.split(datagram(100), ExchangeType.MAIN_MODE, 1, 36));
        assertEquals(255, Fragmenter.split(datagram(255), ExchangeType.MAIN_MODE, 1, 37).size());
        assertThrows(IllegalArgumentException.class, () -> Fragmenter.split(datagram(256), ExchangeType.MAIN_MODE, 1, 37));
    }

    private static FragmentPayload fragment(int id, int number, boolean last, int size) {
        return new FragmentPayload(id, number, last, new byte[size]);
    }

    private static NotifyType failure(Defragmenter d, FragmentPayload f) {
        return assertThrows(IkeProtocolException.class, () -> d.add(f, 0)).notifyType();
    }

    @Test
    void rejectsFragmentsBeyondTheLimitsOrTheLast() throws Exception {
        Defragmenter d = new Defragmenter(4, 100, 1000);
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(d, fragment(1, 5, false, 1)));
        assertTrue(d.add(fragment(1, 3, true, 10), 0).isEmpty());
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(d, fragment(1, 4, false, 10)));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(d, fragment(1, 2, true, 10)));
        assertTrue(d.add(fragment(1, 1, false, 10), 0).isEmpty());
        assertEquals(30, d.add(fragment(1, 2, false, 10), 0).orElseThrow().length);

        assertTrue(d.add(fragment(2, 3, false, 10), 0).isEmpty());
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(d, fragment(2, 2, true, 10)));
    }

    @Test
    void sizeLimitDropsTheDatagram() throws Exception {
        Defragmenter d = new Defragmenter(4, 100, 1000);
        assertTrue(d.add(fragment(1, 1, false, 60), 0).isEmpty());
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(d, fragment(1, 2, true, 41)));
        // the first fragment is gone: a complete set starts over
        assertTrue(d.add(fragment(1, 2, true, 40), 0).isEmpty());
        assertEquals(100, d.add(fragment(1, 1, false, 60), 0).orElseThrow().length);
    }

    @Test
    void staleAndSupersededDatagramsAreDropped() throws Exception {
        Defragmenter d = new Defragmenter(4, 100, 1000);
        assertTrue(d.add(fragment(1, 1, false, 5), 0).isEmpty());
        assertTrue(d.add(fragment(1, 2, true, 5), 1001).isEmpty()); // fragment 1 expired
        assertEquals(5, d.add(fragment(1, 1, false, 0), 1002).orElseThrow().length);

        assertTrue(d.add(fragment(3, 1, false, 5), 0).isEmpty());
        assertTrue(d.add(fragment(4, 2, true, 5), 0).isEmpty()); // a new ID drops ID 3
        assertTrue(d.add(fragment(3, 2, true, 5), 0).isEmpty()); // and ID 3 again drops ID 4
        assertEquals(10, d.add(fragment(3, 1, false, 5), 0).orElseThrow().length);
    }
}
