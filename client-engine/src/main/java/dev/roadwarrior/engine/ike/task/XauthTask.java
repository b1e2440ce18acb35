package dev.roadwarrior.engine.ike.task;

import static dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType.*;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest.Credentials;
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
import java.util.List;
import java.util.Optional;

/**
 * XAuth as the gateway drives it (draft-ietf-ipsec-isakmp-xauth-06), responder role: the gateway
 * sends REQUEST (user name, password), we REPLY; it sends SET with the status, we ACK. A failed
 * status ends the connection with {@link FailureReason#WRONG_USER_PASSWORD}.
 */
public final class XauthTask implements Task {

    /** Where XAuth stands. */
    public enum Outcome { PENDING, SUCCEEDED, CREDENTIALS_REFUSED, REFUSED }

    private final IkeSa sa;
    private boolean answered;
    private Outcome outcome = Outcome.PENDING;
    private Optional<String> message = Optional.empty();

    public XauthTask(IkeSa sa) {
        this.sa = sa;
    }

    /** The gateway's XAUTH_MESSAGE text, if it sent one. */
    public Optional<String> gatewayMessage() {
        return message;
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
        attrs.attribute(XAUTH_MESSAGE).ifPresent(m -> message = Optional.of(m.stringValue()));
        int mid = request.header().messageId();
        if (attrs.messageType() == AttributePayload.REQUEST) {
            return TaskResult.finished(reply(mid, attrs));
        }
        if (attrs.messageType() == AttributePayload.SET) {
            Optional<DataAttribute> status = attrs.attribute(XAUTH_STATUS);
            if (status.isEmpty()) {
                throw new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, "XAuth SET without status");
            }
            IkeMessage ack = HashedMessages.build(sa, ExchangeType.TRANSACTION, mid, List.of(
                    new AttributePayload(AttributePayload.ACK, attrs.identifier(),
                            List.of(DataAttribute.basic(XAUTH_STATUS, (int) status.get().longValue())))));
            outcome = status.get().longValue() == 1 ? Outcome.SUCCEEDED
                    : answered ? Outcome.CREDENTIALS_REFUSED : Outcome.REFUSED;
            return TaskResult.finished(ack);
        }
        throw new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, "unexpected XAuth message type " + attrs.messageType());
    }

    /** The result once the gateway sent the status; PENDING before. */
    public Outcome outcome() {
        return outcome;
    }

    private IkeMessage reply(int mid, AttributePayload request) throws ConnectException {
        for (int type : List.of(XAUTH_PASSCODE, XAUTH_NEXT_PIN, XAUTH_ANSWER)) {
            if (request.attribute(type).isPresent()) {
                throw new ConnectException(FailureReason.NOT_SUPPORTED,
                        "the gateway asks for a one-time code or challenge answer, which this version cannot answer yet");
            }
        }
        Credentials credentials = sa.request().credentials();
        List<DataAttribute> answer = new ArrayList<>();
        request.attribute(XAUTH_TYPE).ifPresent(t -> answer.add(DataAttribute.basic(XAUTH_TYPE, (int) longOf(t))));
        if (request.attribute(XAUTH_USER_NAME).isPresent()) {
            String user = credentials.xauthUser().orElseThrow(() ->
                    new ConnectException(FailureReason.CREDENTIALS_MISSING, "the gateway asks for a user name"));
            answer.add(DataAttribute.variable(XAUTH_USER_NAME, user.getBytes(StandardCharsets.UTF_8)));
        }
        if (request.attribute(XAUTH_USER_PASSWORD).isPresent()) {
            char[] password = credentials.xauthPassword().orElseThrow(() ->
                    new ConnectException(FailureReason.CREDENTIALS_MISSING, "the gateway asks for a password"));
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
            Arrays.fill(encoded.array(), (byte) 0);
            answer.add(DataAttribute.variable(XAUTH_USER_PASSWORD, bytes));
            Arrays.fill(bytes, (byte) 0);
        }
        answered = true;
        return HashedMessages.build(sa, ExchangeType.TRANSACTION, mid, List.of(
                new AttributePayload(AttributePayload.REPLY, request.identifier(), answer)));
    }

    private static long longOf(DataAttribute a) {
        try {
            return a.longValue();
        } catch (IkeProtocolException e) {
            return 0;
        }
    }
}
