package dev.roadwarrior.engine.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.task.XauthTask;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A bad protected message is reported once with the notify it deserves, and answered at most once a second. */
class ErrorNotifyTest {

    private final EstablishedSa established = new EstablishedSa(TestRequests.aggressivePskXauth());
    private final List<IkeOutput> outputs = new ArrayList<>();
    private final List<TaskEvent> events = new ArrayList<>();
    private final XauthTask xauth = new XauthTask(established.client);
    private final TaskManager manager = new TaskManager(established.client, message -> Optional.of(xauth), events::add,
            outputs::add, RetransmitPolicy.DEFAULT, new Random(1));
    private final Informational informational = new Informational(established.client, manager);

    private byte[] requestWithBadHash(int messageId) {
        return established.encryptedFromGateway(ExchangeType.TRANSACTION, messageId, List.of(
                new HashPayload(new byte[20]), new AttributePayload(AttributePayload.REQUEST, 1,
                        List.of(DataAttribute.variable(ConfigAttributeType.XAUTH_USER_NAME, new byte[0])))));
    }

    @Test
    void aBadHashIsReportedAsInvalidHashInformationAndNothingIsSentByTheManager() {
        manager.receive(requestWithBadHash(0x500), 0);
        assertEquals(List.of(new TaskEvent.Malformed(NotifyType.INVALID_HASH_INFORMATION)), events);
        assertTrue(outputs.isEmpty());
    }

    @Test
    void theNotifyIsEncryptedAndSentAtMostOnceASecond() throws Exception {
        assertTrue(informational.answerError(NotifyType.INVALID_HASH_INFORMATION, 10_000));
        assertFalse(informational.answerError(NotifyType.PAYLOAD_MALFORMED, 10_999), "rate-limited");
        assertTrue(informational.answerError(NotifyType.PAYLOAD_MALFORMED, 11_000));
        assertEquals(2, outputs.size());
        IkeMessage first = established.atGateway(((IkeOutput.Send) outputs.get(0)).datagram());
        assertEquals(ExchangeType.INFORMATIONAL, first.header().exchangeType());
        assertEquals(NotifyType.INVALID_HASH_INFORMATION, first.first(NotifyPayload.class).orElseThrow().notifyType());
    }

    @Test
    void nothingIsAnsweredBeforePhase1Keys() {
        IkeSa fresh = new IkeSa(TestRequests.aggressivePskXauth(), new JcaIkeCrypto(),
                new InetSocketAddress("192.0.2.2", 5000), new InetSocketAddress("192.0.2.2", 5001),
                new InetSocketAddress("192.0.2.1", 500));
        TaskManager unkeyed = new TaskManager(fresh, message -> Optional.empty(), events::add, outputs::add,
                RetransmitPolicy.DEFAULT, new Random(1));
        assertFalse(new Informational(fresh, unkeyed).answerError(NotifyType.PAYLOAD_MALFORMED, 0));
        assertTrue(outputs.isEmpty());
    }

    @Test
    void aBadInformationalMessageIsNotAnswered() {
        manager.receive(established.encryptedFromGateway(ExchangeType.INFORMATIONAL, 0x600,
                List.of(new HashPayload(new byte[20]))), 0);
        assertTrue(events.stream().noneMatch(e -> e instanceof TaskEvent.Malformed), events.toString());
    }
}
