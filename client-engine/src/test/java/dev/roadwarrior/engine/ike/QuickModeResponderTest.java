package dev.roadwarrior.engine.ike;

import static dev.roadwarrior.engine.ike.proposal.IkeAttributes.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.esp.EspTransform;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.NoncePayload;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.Proposal;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SaPayload;
import dev.roadwarrior.engine.ike.codec.payload.Transform;
import dev.roadwarrior.engine.ike.keymat.Keymat;
import dev.roadwarrior.engine.ike.task.QuickModeResponderTask;
import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A Quick Mode the gateway starts (as strongSwan does to renew the ESP SAs before its own
 * lifetime ends), with the gateway played by the test: our answer, its retransmission until
 * HASH(3), the keys both ends derive, and what makes us drop the gateway's message.
 */
class QuickModeResponderTest {

    private static final int MID = 0x5151_0001;
    private static final int GATEWAY_SPI = 0xAABB_CCDD;
    private static final Inet4Address VIRTUAL_IP = Ipv4Network.parseAddress("10.88.0.1");
    private static final byte[] NONCE_I = HexFormat.of().parseHex("c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4");

    private final EstablishedSa established = new EstablishedSa(TestRequests.aggressivePskXauth());
    private final List<IkeOutput> outputs = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private QuickModeResponderTask task;
    private final TaskManager manager = new TaskManager(established.client, message -> {
        task = new QuickModeResponderTask(established.client, VIRTUAL_IP);
        return Optional.of(task);
    }, e -> {
        if (e instanceof TaskEvent.Answered) {
            heard.add("responded");
        } else if (e instanceof TaskEvent.Completed) {
            heard.add("completed");
        } else if (e instanceof TaskEvent.Abandoned) {
            heard.add("abandoned");
        } else if (e instanceof TaskEvent.Failed f) {
            heard.add("failed " + f.error().reason());
        }
    }, outputs::add, RetransmitPolicy.DEFAULT, new Random(1));

    private static Transform transform(int number, int keyBits, int auth) {
        return new Transform(number, 12, List.of(DataAttribute.basic(P2_LIFE_TYPE, LIFE_SECONDS),
                DataAttribute.ofLong(P2_LIFE_DURATION, 20), DataAttribute.basic(P2_ENCAPSULATION,
                        ENCAPSULATION_UDP_TUNNEL_RFC), DataAttribute.basic(P2_AUTH_ALGORITHM, auth),
                DataAttribute.basic(P2_KEY_LENGTH, keyBits)));
    }

    /** The gateway's first message; the profile allows only AES-256 with HMAC-SHA1, the second transform. */
    private byte[] request(List<Transform> transforms, IdPayload idCr) {
        SaPayload offer = SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ESP,
                ByteBuffer.allocate(4).putInt(GATEWAY_SPI).array(), transforms)));
        List<Payload> payloads = List.of(offer, new NoncePayload(NONCE_I),
                IdPayload.ipv4Subnet(Ipv4Network.parse("10.77.0.0/24")), idCr);
        return established.fromGateway(ExchangeType.QUICK_MODE, MID, payloads);
    }

    private byte[] request() {
        return request(List.of(transform(1, 128, 2), transform(2, 256, 2)), IdPayload.ipv4Address(VIRTUAL_IP));
    }

    private List<byte[]> sent() {
        return outputs.stream().filter(o -> o instanceof IkeOutput.Send).map(o -> ((IkeOutput.Send) o).datagram())
                .toList();
    }

    @Test
    void answersWithTheFirstAllowedTransformAndBothEndsDeriveTheSameKeys() throws Exception {
        manager.receive(request(), 0);
        assertEquals(List.of("responded"), heard);
        IkeMessage answer = established.openAtGateway(sent().get(0));
        Keymat gateway = established.gatewayKeymat();
        assertArrayEquals(gateway.messageHash(MID, NONCE_I, answer.payloadsAfter(0)),
                ((HashPayload) answer.payloads().get(0)).data(), "HASH(2)");
        Proposal chosen = answer.first(SaPayload.class).orElseThrow().proposals().get(0);
        assertEquals(List.of(transform(2, 256, 2)), chosen.transforms());
        int ourSpi = ByteBuffer.wrap(chosen.spi()).getInt();
        byte[] nonceR = answer.first(NoncePayload.class).orElseThrow().data();
        assertEquals(2, answer.all(IdPayload.class).size(), "the identities come back");

        ChildSaKeys keys = task.keys();
        assertEquals(ourSpi, keys.inboundSpi());
        assertEquals(GATEWAY_SPI, keys.outboundSpi());
        assertEquals(EspTransform.fromIke(12, 256, 2).orElseThrow(), keys.transform());
        assertEquals(20, keys.lifetimeSeconds());
        int length = keys.transform().keymatLength();
        assertArrayEquals(gateway.quickModeKeymat(new byte[0], ProtocolId.ESP, chosen.spi(), NONCE_I, nonceR, length),
                keys.inboundKeymat(), "what the gateway sends with");
        assertArrayEquals(gateway.quickModeKeymat(new byte[0], ProtocolId.ESP,
                ByteBuffer.allocate(4).putInt(GATEWAY_SPI).array(), NONCE_I, nonceR, length), keys.outboundKeymat());

        manager.receive(established.encryptedFromGateway(ExchangeType.QUICK_MODE, MID,
                List.of(new HashPayload(gateway.hash3(MID, NONCE_I, nonceR)))), 100);
        assertEquals(List.of("responded", "completed"), heard);
        assertEquals(Long.MAX_VALUE, manager.nextDeadline(), "nothing left to retransmit");
    }

    @Test
    void theAnswerIsRepeatedUntilHash3AndReplayedForTheGatewaysRetransmission() {
        byte[] request = request();
        manager.receive(request, 0);
        byte[] answer = sent().get(0);
        manager.tick(manager.nextDeadline());
        assertArrayEquals(answer, sent().get(1), "retransmitted");
        manager.receive(request, 1_500);
        assertArrayEquals(answer, sent().get(2), "replayed");
        assertEquals(List.of("responded"), heard, "the retransmitted request is not processed again");
    }

    @Test
    void withoutHash3TheGatewaysQuickModeIsAbandonedQuietly() {
        manager.receive(request(), 0);
        for (int i = 0; i < 10 && manager.nextDeadline() != Long.MAX_VALUE; i++) {
            manager.tick(manager.nextDeadline());
        }
        assertEquals(List.of("responded", "abandoned"), heard, "the connection goes on");
        assertEquals(1 + RetransmitPolicy.DEFAULT.retransmissions(), sent().size());
    }

    @Test
    void anOfferWithNothingTheProfileAllowsIsDropped() {
        manager.receive(request(List.of(transform(1, 128, 2)), IdPayload.ipv4Address(VIRTUAL_IP)), 0);
        assertTrue(sent().isEmpty());
        assertTrue(heard.isEmpty());
    }

    @Test
    void aQuickModeForAnotherAddressIsDropped() {
        manager.receive(request(List.of(transform(2, 256, 2)), IdPayload.ipv4Address(
                Ipv4Network.parseAddress("10.88.0.99"))), 0);
        assertTrue(sent().isEmpty());
    }

    @Test
    void aSpoiledHash1IsDropped() {
        byte[] request = request();
        request[request.length - 1] ^= 1;
        manager.receive(request, 0);
        assertTrue(sent().isEmpty());
        assertTrue(heard.isEmpty());
    }
}
