package dev.roadwarrior.engine.ike;

import static dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent.CredentialsRequired;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.task.Task;
import dev.roadwarrior.engine.ike.task.XauthTask;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * XAuth over several rounds against a scripted gateway in process: what the client answers by
 * itself, what it asks the user, how late answers and the gateway's retransmissions go.
 */
class XauthRoundsTest {

    private final List<byte[]> sent = new ArrayList<>();
    private final List<CredentialsRequired> prompts = new ArrayList<>();
    private final List<Task> completed = new ArrayList<>();
    private ConnectException failure;
    private EstablishedSa sa;
    private TaskManager manager;
    private XauthTask xauth;

    private void start(ConnectRequest request) {
        sa = new EstablishedSa(request);
        xauth = new XauthTask(sa.client);
        manager = new TaskManager(sa.client, message -> Optional.of(xauth), e -> {
            if (e instanceof TaskEvent.Completed c) {
                completed.add(c.task());
            } else if (e instanceof TaskEvent.Waiting) {
                if (!xauth.retransmission()) { // as IkeSaSession: a retransmitted request asks nothing new
                    prompts.add(xauth.prompt().orElseThrow());
                }
            } else if (e instanceof TaskEvent.Failed f) {
                failure = f.error();
            }
        }, o -> {
            if (o instanceof IkeOutput.Send s) {
                sent.add(s.datagram());
            }
        }, RetransmitPolicy.DEFAULT, new Random(1));
    }

    private static ConnectRequest request(Optional<String> user, Optional<char[]> password) {
        ConnectRequest r = TestRequests.aggressivePskXauth();
        return new ConnectRequest(r.name(), r.gatewayHost(), r.ikePort(), r.phase1(), r.phase2(),
                new ConnectRequest.Credentials("secret".getBytes(StandardCharsets.UTF_8), user, password),
                r.transport(), r.config());
    }

    private byte[] gatewayRequest(int messageId, DataAttribute... attributes) {
        return sa.fromGateway(ExchangeType.TRANSACTION, messageId,
                List.of(new AttributePayload(AttributePayload.REQUEST, messageId & 0xffff, List.of(attributes))));
    }

    private byte[] gatewayStatus(int messageId, int status, String message) {
        List<DataAttribute> attrs = new ArrayList<>(List.of(DataAttribute.basic(XAUTH_STATUS, status)));
        if (!message.isEmpty()) {
            attrs.add(DataAttribute.variable(XAUTH_MESSAGE, message));
        }
        return sa.fromGateway(ExchangeType.TRANSACTION, messageId,
                List.of(new AttributePayload(AttributePayload.SET, 7, attrs)));
    }

    private static DataAttribute empty(int type) {
        return DataAttribute.variable(type, new byte[0]);
    }

    /** The client's last datagram, opened at the gateway. */
    private AttributePayload lastReply() throws Exception {
        return sa.atGateway(sent.get(sent.size() - 1)).first(AttributePayload.class).orElseThrow();
    }

    private static String text(AttributePayload p, int type) {
        return p.attribute(type).orElseThrow().stringValue();
    }

    @Test
    void passwordThenOneTimeCodeInASecondRound() throws Exception {
        start(request(Optional.of("alice"), Optional.of("pw".toCharArray())));
        manager.receive(gatewayRequest(0x100, DataAttribute.basic(XAUTH_TYPE, 0), empty(XAUTH_USER_NAME),
                empty(XAUTH_USER_PASSWORD)), 0);
        AttributePayload first = lastReply();
        assertEquals(AttributePayload.REPLY, first.messageType());
        assertEquals("alice", text(first, XAUTH_USER_NAME));
        assertEquals("pw", text(first, XAUTH_USER_PASSWORD));
        assertTrue(prompts.isEmpty(), "the first round needs no prompt");

        byte[] second = gatewayRequest(0x200, DataAttribute.basic(XAUTH_TYPE, 0), empty(XAUTH_PASSCODE),
                DataAttribute.variable(XAUTH_MESSAGE, "Enter the code shown on your token"));
        manager.receive(second, 10);
        assertEquals(1, sent.size(), "nothing is sent before the user answers");
        CredentialsRequired prompt = prompts.get(0);
        assertEquals(List.of(CredentialKind.PASSCODE), prompt.fields());
        assertEquals("Enter the code shown on your token", prompt.message());
        assertFalse(prompt.repeated());

        manager.receive(second, 4000);
        assertEquals(1, sent.size(), "a retransmitted request is dropped while the user types");
        assertEquals(1, prompts.size(), "and asks nothing twice");

        char[] code = "123456".toCharArray();
        IkeMessage reply = xauth.answer(prompt.promptId(), new EnumMap<>(Map.of(CredentialKind.PASSCODE, code)))
                .orElseThrow();
        manager.reply(xauth, reply.header().messageId(), reply, 5000);
        assertArrayEquals(new char[6], code, "the input is wiped");
        AttributePayload answer = lastReply();
        assertEquals("123456", text(answer, XAUTH_PASSCODE));
        assertEquals(0x200 & 0xffff, answer.identifier());
        assertFalse(answer.attribute(XAUTH_USER_PASSWORD).isPresent());

        byte[] late = sent.get(sent.size() - 1);
        manager.receive(second, 9000);
        assertArrayEquals(late, sent.get(sent.size() - 1), "a retransmission after the answer gets the same answer");
        assertEquals(3, sent.size());

        manager.receive(gatewayStatus(0x300, 1, ""), 10_000);
        assertEquals(XauthTask.Outcome.SUCCEEDED, xauth.outcome());
        assertEquals(AttributePayload.ACK, lastReply().messageType());
        assertNull(failure);
    }

    @Test
    void aRepeatedPasswordWithoutANewOneIsAWrongPassword() throws Exception {
        start(request(Optional.of("alice"), Optional.of("wrong".toCharArray())));
        manager.receive(gatewayRequest(0x100, empty(XAUTH_USER_NAME), empty(XAUTH_USER_PASSWORD)), 0);
        manager.receive(gatewayRequest(0x101, empty(XAUTH_USER_NAME), empty(XAUTH_USER_PASSWORD),
                DataAttribute.variable(XAUTH_MESSAGE, "Authentication failed, try again")), 10);
        CredentialsRequired prompt = prompts.get(0);
        assertEquals(List.of(CredentialKind.PASSWORD), prompt.fields(), "the user name is known, the password is not");
        assertTrue(prompt.repeated());

        ConnectException e = org.junit.jupiter.api.Assertions.assertThrows(ConnectException.class,
                () -> xauth.answer(prompt.promptId(), Map.of()));
        assertEquals(FailureReason.WRONG_USER_PASSWORD, e.reason());
        assertTrue(e.detail().contains("Authentication failed, try again"), e.detail());
    }

    @Test
    void nextPinAndChallengeAnswerAndAnUnknownUserName() throws Exception {
        start(request(Optional.empty(), Optional.empty()));
        manager.receive(gatewayRequest(0x100, empty(XAUTH_USER_NAME), empty(XAUTH_NEXT_PIN), empty(XAUTH_ANSWER),
                DataAttribute.variable(XAUTH_CHALLENGE, "Mother's maiden name?")), 0);
        CredentialsRequired prompt = prompts.get(0);
        assertEquals(List.of(CredentialKind.USER_NAME, CredentialKind.NEXT_PIN, CredentialKind.ANSWER), prompt.fields());
        assertEquals("Mother's maiden name?", prompt.challenge());

        Map<CredentialKind, char[]> input = new EnumMap<>(CredentialKind.class);
        input.put(CredentialKind.USER_NAME, "bob".toCharArray());
        input.put(CredentialKind.NEXT_PIN, "4711".toCharArray());
        input.put(CredentialKind.ANSWER, "Smith".toCharArray());
        IkeMessage reply = xauth.answer(prompt.promptId(), input).orElseThrow();
        manager.reply(xauth, reply.header().messageId(), reply, 10);
        AttributePayload answer = lastReply();
        assertEquals("bob", text(answer, XAUTH_USER_NAME));
        assertEquals("4711", text(answer, XAUTH_NEXT_PIN));
        assertEquals("Smith", text(answer, XAUTH_ANSWER));
    }

    /**
     * The gateway re-sends its unanswered request as a new transaction (new message ID, same
     * attributes) before our answer arrives: it gets the same credentials again, nobody is asked
     * and nothing counts as a refused password.
     */
    @Test
    void aRequestResentUnderANewMessageIdIsAnsweredWithTheSameCredentials() throws Exception {
        start(request(Optional.of("alice"), Optional.of("pw".toCharArray())));
        manager.receive(gatewayRequest(0x100, DataAttribute.basic(XAUTH_TYPE, 0), empty(XAUTH_USER_NAME),
                empty(XAUTH_USER_PASSWORD)), 0);
        assertEquals(1, sent.size());
        manager.receive(gatewayRequest(0x101, DataAttribute.basic(XAUTH_TYPE, 0), empty(XAUTH_USER_NAME),
                empty(XAUTH_USER_PASSWORD)), 500);
        assertTrue(prompts.isEmpty(), "no prompt: " + prompts);
        assertNull(failure);
        AttributePayload again = lastReply();
        assertEquals(AttributePayload.REPLY, again.messageType());
        assertEquals(0x101, again.identifier());
        assertEquals("alice", text(again, XAUTH_USER_NAME));
        assertEquals("pw", text(again, XAUTH_USER_PASSWORD));

        manager.receive(gatewayStatus(0x102, 1, ""), 1_000);
        assertEquals(XauthTask.Outcome.SUCCEEDED, xauth.outcome());
    }

    /** While the user types a passcode the request comes again under a new ID: one prompt, the answer goes to the new ID. */
    @Test
    void aRequestResentWhileTheUserTypesMovesTheAnswerToTheNewMessageId() throws Exception {
        start(request(Optional.of("alice"), Optional.of("pw".toCharArray())));
        manager.receive(gatewayRequest(0x100, empty(XAUTH_PASSCODE)), 0);
        manager.receive(gatewayRequest(0x101, empty(XAUTH_PASSCODE)), 500);
        assertTrue(xauth.retransmission());
        assertEquals(1, prompts.size(), "asked once");
        IkeMessage reply = xauth.answer(prompts.get(0).promptId(),
                new EnumMap<>(Map.of(CredentialKind.PASSCODE, "4711".toCharArray()))).orElseThrow();
        assertEquals(0x101, reply.header().messageId());
        manager.reply(xauth, reply.header().messageId(), reply, 2_000);
        assertEquals("4711", text(lastReply(), XAUTH_PASSCODE));
        assertNull(failure);
    }

    /** The same request again but with a message (e.g. "try again") is the gateway asking again. */
    @Test
    void theSameRequestWithAMessageAsksAgain() throws Exception {
        start(request(Optional.of("alice"), Optional.of("pw".toCharArray())));
        manager.receive(gatewayRequest(0x100, empty(XAUTH_USER_NAME), empty(XAUTH_USER_PASSWORD)), 0);
        manager.receive(gatewayRequest(0x101, empty(XAUTH_USER_NAME), empty(XAUTH_USER_PASSWORD),
                DataAttribute.variable(XAUTH_MESSAGE, "Wrong password")), 500);
        assertEquals(1, prompts.size());
        assertTrue(prompts.get(0).repeated());
    }

    @Test
    void aFailedStatusCarriesTheGatewaysWords() throws Exception {
        start(request(Optional.of("alice"), Optional.of("pw".toCharArray())));
        manager.receive(gatewayRequest(0x100, empty(XAUTH_USER_NAME), empty(XAUTH_USER_PASSWORD)), 0);
        manager.receive(gatewayStatus(0x101, 0, "Account locked"), 10);
        assertEquals(XauthTask.Outcome.CREDENTIALS_REFUSED, xauth.outcome());
        assertEquals(Optional.of("Account locked"), xauth.gatewayMessage());
        assertEquals(AttributePayload.ACK, lastReply().messageType());
    }

    @Test
    void anAnswerToAnotherPromptIsIgnoredAndWiped() throws Exception {
        start(request(Optional.of("alice"), Optional.of("pw".toCharArray())));
        manager.receive(gatewayRequest(0x100, empty(XAUTH_PASSCODE)), 0);
        char[] code = "999".toCharArray();
        assertEquals(Optional.empty(), xauth.answer("xauth-99", Map.of(CredentialKind.PASSCODE, code)));
        assertArrayEquals(new char[3], code);
        assertTrue(xauth.prompt().isPresent(), "the real prompt still waits");
    }

    @Test
    void radiusChapIsNotSupported() {
        start(request(Optional.of("alice"), Optional.of("pw".toCharArray())));
        manager.receive(gatewayRequest(0x100, DataAttribute.basic(XAUTH_TYPE, 1), empty(XAUTH_USER_NAME),
                empty(XAUTH_USER_PASSWORD), empty(XAUTH_CHALLENGE)), 0);
        assertNotNull(failure);
        assertEquals(FailureReason.NOT_SUPPORTED, failure.reason());
    }
}
