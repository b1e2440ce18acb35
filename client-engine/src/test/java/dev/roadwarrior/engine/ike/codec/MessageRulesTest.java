package dev.roadwarrior.engine.ike.codec;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.codec.payload.DeletePayload;
import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.PayloadType;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.UnknownPayload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageRulesTest {

    private static final HashPayload HASH = new HashPayload(new byte[20]);
    private static final NotifyPayload NOTIFY =
            new NotifyPayload(1, ProtocolId.ISAKMP, NotifyType.INITIAL_CONTACT, new byte[16], new byte[0]);
    private static final DeletePayload DELETE = new DeletePayload(1, ProtocolId.ESP, 4, List.of(new byte[4]));
    private static final AttributePayload ATTRIBUTES = new AttributePayload(AttributePayload.REQUEST, 7, List.of());
    private static final UnknownPayload UNKNOWN = new UnknownPayload(new PayloadType(200), new byte[3]);

    private static IkeMessage message(ExchangeType exchange, Payload... payloads) {
        return new IkeMessage(IkeHeader.of(1, 2, exchange, 0, 5), List.of(payloads));
    }

    private static NotifyType failure(IkeMessage message, boolean encrypted) {
        return assertThrows(IkeProtocolException.class, () -> MessageRules.validate(message, encrypted)).notifyType();
    }

    private static IkeMessage quickMode(Payload... after) {
        List<Payload> payloads = new ArrayList<>(List.of(HASH));
        payloads.addAll(HandBuiltMessagesTest.quickMode().payloads().subList(1, 5));
        payloads.addAll(List.of(after));
        return new IkeMessage(IkeHeader.of(1, 2, ExchangeType.QUICK_MODE, 1, 5), payloads);
    }

    @Test
    void quickModeNeedsEncryptionAndALeadingHash() {
        assertDoesNotThrow(() -> MessageRules.validate(quickMode(), true));
        assertDoesNotThrow(() -> MessageRules.validate(quickMode(UNKNOWN), true));
        assertEquals(NotifyType.INVALID_FLAGS, failure(quickMode(), false));
        assertEquals(NotifyType.INVALID_PAYLOAD_TYPE, failure(quickMode(DELETE), true));
        List<Payload> noHash = quickMode().payloads().subList(1, 5);
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(message(ExchangeType.QUICK_MODE, noHash.toArray(new Payload[0])), true));
        List<Payload> hashLast = new ArrayList<>(noHash);
        hashLast.add(HASH);
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(message(ExchangeType.QUICK_MODE, hashLast.toArray(new Payload[0])), true));
        // an unknown payload before the HASH would escape it
        List<Payload> unknownFirst = new ArrayList<>(List.of(UNKNOWN));
        unknownFirst.addAll(quickMode().payloads());
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(message(ExchangeType.QUICK_MODE, unknownFirst.toArray(new Payload[0])), true));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(quickMode(HASH), true));
    }

    @Test
    void mainMode() throws Exception {
        IkeMessage first = IkeMessage.decode(SharedVectors.hex(HandBuiltMessagesTest.MAIN_MODE));
        assertDoesNotThrow(() -> MessageRules.validate(first, false));
        IkeMessage idInClear = message(ExchangeType.MAIN_MODE, IdPayload.fqdn("client"), HASH);
        assertEquals(NotifyType.INVALID_FLAGS, failure(idInClear, false));
        assertDoesNotThrow(() -> MessageRules.validate(idInClear, true));
        List<Payload> twoSas = new ArrayList<>(first.payloads());
        twoSas.add(first.payloads().get(0));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(message(ExchangeType.MAIN_MODE, twoSas.toArray(new Payload[0])), false));
        assertEquals(NotifyType.INVALID_PAYLOAD_TYPE, failure(message(ExchangeType.MAIN_MODE, ATTRIBUTES), true));
    }

    @Test
    void aggressiveModeResponderMessageIsInTheClear() {
        IkeMessage response = message(ExchangeType.AGGRESSIVE, IdPayload.fqdn("gw"), HASH, NOTIFY);
        assertDoesNotThrow(() -> MessageRules.validate(response, false));
    }

    @Test
    void informational() {
        assertDoesNotThrow(() -> MessageRules.validate(message(ExchangeType.INFORMATIONAL, NOTIFY), false));
        assertDoesNotThrow(() -> MessageRules.validate(message(ExchangeType.INFORMATIONAL, HASH, DELETE, NOTIFY), true));
        assertEquals(NotifyType.INVALID_FLAGS, failure(message(ExchangeType.INFORMATIONAL, DELETE), false));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(message(ExchangeType.INFORMATIONAL, DELETE), true));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(message(ExchangeType.INFORMATIONAL, DELETE, HASH), true));
    }

    @Test
    void transaction() {
        assertDoesNotThrow(() -> MessageRules.validate(message(ExchangeType.TRANSACTION, HASH, ATTRIBUTES), true));
        assertEquals(NotifyType.INVALID_FLAGS, failure(message(ExchangeType.TRANSACTION, HASH, ATTRIBUTES), false));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(message(ExchangeType.TRANSACTION, ATTRIBUTES), true));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(message(ExchangeType.TRANSACTION, HASH), true));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(message(ExchangeType.TRANSACTION, HASH, ATTRIBUTES, ATTRIBUTES), true));
    }

    @Test
    void exchangesWithoutRules() {
        assertEquals(NotifyType.INVALID_EXCHANGE_TYPE, failure(message(ExchangeType.BASE, NOTIFY), false));
        assertEquals(NotifyType.INVALID_EXCHANGE_TYPE, failure(message(new ExchangeType(243), NOTIFY), false));
    }

    @Test
    void fragmentsStandAlone() {
        FragmentPayload fragment = new FragmentPayload(1, 1, false, new byte[8]);
        assertDoesNotThrow(() -> MessageRules.validate(message(ExchangeType.MAIN_MODE, fragment), false));
        assertDoesNotThrow(() -> MessageRules.validate(message(ExchangeType.AGGRESSIVE, fragment), false));
        assertEquals(NotifyType.PAYLOAD_MALFORMED, failure(message(ExchangeType.MAIN_MODE, fragment, NOTIFY), false));
    }
}
