package dev.roadwarrior.engine.ike.task;

import static dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType.*;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest.Credentials;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent.CredentialsRequired;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.IkeSa;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * XAuth as the gateway drives it (draft-ietf-ipsec-isakmp-xauth-06), responder role, over as many
 * rounds as the gateway wants: it sends REQUEST naming what it wants (user name, password,
 * passcode, next PIN, challenge answer), we REPLY; in the end it sends SET with the status, we
 * ACK.
 *
 * <p>The user name and password of the request answer the first round that asks for them (the
 * user name also later rounds). Whatever else a round asks for is a {@link #prompt()}: the task
 * returns {@link TaskResult#waiting()} and sends its reply once {@link #answer} brings the user's
 * input. A round that asks for the password again is marked {@code repeated} (the gateway
 * usually retries after a wrong password).
 *
 * <p>Some gateways retransmit an unanswered REQUEST as a new transaction (new message ID, same
 * attributes) and drop a late answer to the old one. A REQUEST that repeats the previous one's
 * attributes, with no XAUTH-MESSAGE (and, as the task ends with any status, no status in between),
 * is such a retransmission: it is answered with what was already given, or, while the user is
 * still typing, the pending answer goes to its new message ID. Only a request after a failed
 * status or one carrying a message asks again.
 */
public final class XauthTask implements Task {

    /** Where XAuth stands. */
    public enum Outcome { PENDING, SUCCEEDED, CREDENTIALS_REFUSED, REFUSED }

    /** XAUTH_TYPE values (draft §6.2). */
    private static final int TYPE_RADIUS_CHAP = 1;

    /** The attribute type of each kind of credential. */
    private static final Map<CredentialKind, Integer> TYPES = new EnumMap<>(Map.of(CredentialKind.USER_NAME,
            XAUTH_USER_NAME, CredentialKind.PASSWORD, XAUTH_USER_PASSWORD, CredentialKind.PASSCODE, XAUTH_PASSCODE,
            CredentialKind.NEXT_PIN, XAUTH_NEXT_PIN, CredentialKind.ANSWER, XAUTH_ANSWER));

    private final IkeSa sa;
    private final Set<CredentialKind> answered = EnumSet.noneOf(CredentialKind.class);
    private Outcome outcome = Outcome.PENDING;
    private Optional<String> message = Optional.empty();
    private int rounds;
    private Pending pending;
    /** The attributes of the last request, to tell a retransmission under a new message ID. */
    private List<DataAttribute> lastRequest;
    /** The attributes of our answer to it, sent again for such a retransmission. */
    private List<DataAttribute> lastAnswer;
    private boolean retransmission;

    /** A request waiting for the user's input. */
    private record Pending(int messageId, AttributePayload request, List<CredentialKind> asked,
            CredentialsRequired prompt) {
    }

    public XauthTask(IkeSa sa) {
        this.sa = sa;
    }

    /** The gateway's latest XAUTH_MESSAGE text, if it sent one. */
    public Optional<String> gatewayMessage() {
        return message;
    }

    /** The result once the gateway sent the status; PENDING before. */
    public Outcome outcome() {
        return outcome;
    }

    /** What the user must be asked before the current round can be answered, if anything. */
    public Optional<CredentialsRequired> prompt() {
        return Optional.ofNullable(pending).map(Pending::prompt);
    }

    /** Whether the gateway has sent an XAuth request yet. */
    public boolean started() {
        return rounds > 0;
    }

    /** Whether the last request processed was the gateway's retransmission under a new message ID. */
    public boolean retransmission() {
        return retransmission;
    }

    /** The kinds of credentials sent so far, in their natural order, for messages. */
    public Set<CredentialKind> answered() {
        return Collections.unmodifiableSet(EnumSet.copyOf(answered));
    }

    @Override
    public TaskType type() {
        return TaskType.XAUTH;
    }

    @Override
    public IkeMessage build() {
        throw new UnsupportedOperationException("XAuth is driven by the gateway");
    }

    @Override
    public TaskResult process(IkeMessage request) throws IkeProtocolException, ConnectException {
        HashedMessages.verify(sa, request);
        AttributePayload attrs = request.first(AttributePayload.class).orElseThrow(() ->
                new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, "transaction without attributes"));
        Optional<String> text = attrs.attribute(XAUTH_MESSAGE).map(DataAttribute::stringValue)
                .map(m -> m.replace("\0", "").trim()).filter(m -> !m.isEmpty());
        text.ifPresent(m -> message = Optional.of(m));
        int mid = request.header().messageId();
        if (attrs.messageType() == AttributePayload.REQUEST) {
            return request(mid, attrs, text.orElse(""));
        }
        if (attrs.messageType() == AttributePayload.SET) {
            Optional<DataAttribute> status = attrs.attribute(XAUTH_STATUS);
            if (status.isEmpty()) {
                throw new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, "XAuth SET without status");
            }
            IkeMessage ack = HashedMessages.build(sa, ExchangeType.TRANSACTION, mid, List.of(
                    new AttributePayload(AttributePayload.ACK, attrs.identifier(),
                            List.of(DataAttribute.basic(XAUTH_STATUS, (int) status.get().longValue())))));
            pending = null;
            lastRequest = null;
            lastAnswer = null;
            outcome = status.get().longValue() == 1 ? Outcome.SUCCEEDED
                    : answered.isEmpty() ? Outcome.REFUSED : Outcome.CREDENTIALS_REFUSED;
            return switch (outcome) {
                case SUCCEEDED -> TaskResult.finished(ack);
                case CREDENTIALS_REFUSED -> TaskResult.failed(ack, new ConnectException(FailureReason.WRONG_USER_PASSWORD,
                        "the gateway refused the " + answered() + " sent" + message.map(m -> ": \"" + m + "\"").orElse("")));
                default -> TaskResult.failed(ack, new ConnectException(FailureReason.IDENTITY_REJECTED,
                        "the gateway ended user authentication"));
            };
        }
        throw new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, "unexpected XAuth message type " + attrs.messageType());
    }

    /**
     * The reply to the pending round with the user's input; the arrays are wiped.
     *
     * @return the reply, or empty when {@code promptId} is not the pending prompt
     * @throws ConnectException CREDENTIALS_MISSING when a field is not answered, or
     *     WRONG_USER_PASSWORD when that field is a password the gateway asked for again
     */
    public Optional<IkeMessage> answer(String promptId, Map<CredentialKind, char[]> values) throws ConnectException {
        try {
            if (pending == null || !pending.prompt().promptId().equals(promptId)) {
                return Optional.empty();
            }
            Pending p = pending;
            String said = p.prompt().message().isEmpty() ? "" : " (\"" + p.prompt().message() + "\")";
            for (CredentialKind kind : p.prompt().fields()) {
                char[] v = values.get(kind);
                if (v == null || v.length == 0) {
                    pending = null;
                    if (p.prompt().repeated()) {
                        throw new ConnectException(FailureReason.WRONG_USER_PASSWORD, "the gateway asks again for the "
                                + "password" + said + " and no new one was given");
                    }
                    throw new ConnectException(FailureReason.CREDENTIALS_MISSING, "the gateway asks for "
                            + p.prompt().fields() + said + "; none was given");
                }
            }
            pending = null;
            return Optional.of(reply(p.messageId(), p.request(), p.asked(), values));
        } finally {
            values.values().forEach(v -> Arrays.fill(v, '\0'));
        }
    }

    private TaskResult request(int mid, AttributePayload attrs, String text) throws ConnectException {
        Optional<DataAttribute> type = attrs.attribute(XAUTH_TYPE);
        if (type.isPresent() && longOf(type.get()) == TYPE_RADIUS_CHAP) {
            throw new ConnectException(FailureReason.NOT_SUPPORTED, "the gateway asks for XAuth RADIUS-CHAP");
        }
        retransmission = text.isEmpty() && attrs.attributes().equals(lastRequest);
        if (retransmission && pending != null) {
            pending = new Pending(mid, attrs, pending.asked(), pending.prompt());
            return TaskResult.waiting();
        }
        if (retransmission && lastAnswer != null) {
            return TaskResult.answered(HashedMessages.build(sa, ExchangeType.TRANSACTION, mid, List.of(
                    new AttributePayload(AttributePayload.REPLY, attrs.identifier(), lastAnswer))));
        }
        lastRequest = attrs.attributes();
        rounds++;
        List<CredentialKind> asked = new ArrayList<>();
        TYPES.forEach((kind, attribute) -> {
            if (attrs.attribute(attribute).isPresent()) {
                asked.add(kind);
            }
        });
        Credentials credentials = sa.request().credentials();
        List<CredentialKind> missing = new ArrayList<>();
        for (CredentialKind kind : asked) {
            boolean known = kind == CredentialKind.USER_NAME ? credentials.xauthUser().isPresent()
                    : kind == CredentialKind.PASSWORD && credentials.xauthPassword().isPresent()
                            && !answered.contains(CredentialKind.PASSWORD);
            if (!known) {
                missing.add(kind);
            }
        }
        if (missing.isEmpty()) {
            pending = null;
            return TaskResult.answered(reply(mid, attrs, asked, Map.of()));
        }
        String challenge = attrs.attribute(XAUTH_CHALLENGE).map(c -> printable(c.value())).orElse("");
        boolean repeated = missing.contains(CredentialKind.PASSWORD) && answered.contains(CredentialKind.PASSWORD);
        pending = new Pending(mid, attrs, asked, new CredentialsRequired("xauth-" + rounds, missing, text, challenge,
                repeated));
        return TaskResult.waiting();
    }

    private IkeMessage reply(int mid, AttributePayload request, List<CredentialKind> asked,
            Map<CredentialKind, char[]> input) {
        Credentials credentials = sa.request().credentials();
        List<DataAttribute> answer = new ArrayList<>();
        request.attribute(XAUTH_TYPE).ifPresent(t -> answer.add(DataAttribute.basic(XAUTH_TYPE, (int) longOf(t))));
        for (CredentialKind kind : asked) {
            char[] value = input.get(kind);
            if (value == null && kind == CredentialKind.USER_NAME) {
                value = credentials.xauthUser().orElseThrow().toCharArray();
            } else if (value == null) {
                value = credentials.xauthPassword().orElseThrow();
            }
            byte[] bytes = utf8(value);
            answer.add(DataAttribute.variable(TYPES.get(kind), bytes));
            Arrays.fill(bytes, (byte) 0);
            answered.add(kind);
        }
        lastAnswer = List.copyOf(answer);
        return HashedMessages.build(sa, ExchangeType.TRANSACTION, mid, List.of(
                new AttributePayload(AttributePayload.REPLY, request.identifier(), answer)));
    }

    private static byte[] utf8(char[] value) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    /** The challenge as text when it is printable UTF-8, else in hex. */
    private static String printable(byte[] challenge) {
        String text = new String(challenge, StandardCharsets.UTF_8).replace("\0", "").trim();
        return text.chars().allMatch(c -> c >= 0x20 && c != 0xfffd || c == '\n' || c == '\t') ? text
                : HexFormat.of().formatHex(challenge);
    }

    private static long longOf(DataAttribute a) {
        try {
            return a.longValue();
        } catch (IkeProtocolException e) {
            return 0;
        }
    }
}
