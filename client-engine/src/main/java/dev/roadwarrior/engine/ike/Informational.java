package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.DeletePayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.ZeroPadding;
import dev.roadwarrior.engine.ike.task.HashedMessages;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Informational exchanges in both directions: the gateway's notifies and deletes (and DPD
 * R-U-THERE, answered at once), and ours: deletes, INITIAL-CONTACT and the one
 * rate-limited answer to a bad protected message ({@link #answerError}). Each is a
 * single message; what the gateway said is handed to the session as a {@link Received}.
 */
final class Informational {

    private static final System.Logger LOG = System.getLogger(Informational.class.getName());

    /** At most one error notify of ours per this period, so that bad input is never amplified. */
    static final long ERROR_NOTIFY_MILLIS = 1_000;

    private final IkeSa sa;
    private final TaskManager tasks;
    private long lastErrorNotify = Long.MIN_VALUE;

    /**
     * What a verified informational message from the gateway said.
     *
     * @param errors error notifies (types below 8192)
     * @param deletedSpis the SPIs of ESP SAs the gateway deleted: its inbound SPIs, so our outbound ones
     * @param deletedIkeSa whether it deleted this ISAKMP SA
     * @param dpdAcks the sequence numbers of R-U-THERE-ACKs
     */
    record Received(List<NotifyType> errors, List<Integer> deletedSpis, boolean deletedIkeSa, List<Integer> dpdAcks) {
    }

    Informational(IkeSa sa, TaskManager tasks) {
        this.sa = sa;
        this.tasks = tasks;
    }

    /**
     * Handles an informational message from the gateway; answers R-U-THERE.
     *
     * @return what it said, or empty when it was dropped (unprotected after phase 1, bad HASH)
     */
    Optional<Received> handle(IkeMessage message) {
        if (message.header().isEncrypted()) {
            try {
                HashedMessages.verify(sa, message);
            } catch (IkeProtocolException e) {
                LOG.log(System.Logger.Level.WARNING, "dropping an informational message: " + e.detail());
                return Optional.empty();
            }
        } else if (sa.hasKeys()) {
            LOG.log(System.Logger.Level.WARNING, "dropping an unprotected informational message after phase 1");
            return Optional.empty();
        }
        List<NotifyType> errors = new ArrayList<>();
        List<Integer> acks = new ArrayList<>();
        for (NotifyPayload n : message.all(NotifyPayload.class)) {
            byte[] sequence = ZeroPadding.trim(n.data(), 4); // DPD's 32-bit sequence number (RFC 3706)
            if (n.notifyType().equals(NotifyType.R_U_THERE)) {
                if (sa.hasKeys()) {
                    send(new NotifyPayload(1, ProtocolId.ISAKMP, NotifyType.R_U_THERE_ACK, sa.cookies(), sequence));
                }
            } else if (n.notifyType().equals(NotifyType.R_U_THERE_ACK) && sequence.length == 4) {
                acks.add(ByteBuffer.wrap(sequence).getInt());
            } else if (n.notifyType().code() < 8192) {
                errors.add(n.notifyType());
            } else {
                LOG.log(System.Logger.Level.DEBUG, "gateway notify " + n.notifyType());
            }
        }
        List<Integer> spis = new ArrayList<>();
        boolean ikeSa = false;
        for (DeletePayload d : message.all(DeletePayload.class)) {
            if (d.protocolId() == ProtocolId.ISAKMP) {
                ikeSa = true;
            } else if (d.protocolId() == ProtocolId.ESP && d.spiSize() == 4) {
                d.spis().forEach(spi -> spis.add(ByteBuffer.wrap(spi).getInt()));
            }
        }
        return Optional.of(new Received(errors, spis, ikeSa, acks));
    }

    /** Tells the gateway to delete an ESP SA pair, named by our inbound SPI. */
    void deleteChild(int inboundSpi) {
        send(new DeletePayload(1, ProtocolId.ESP, 4, List.of(ByteBuffer.allocate(4).putInt(inboundSpi).array())));
    }

    /** Tells the gateway to delete the ISAKMP SA. */
    void deleteIkeSa() {
        send(new DeletePayload(1, ProtocolId.ISAKMP, 16, List.of(sa.cookies())));
    }

    /**
     * Tells the gateway that a protected message of its was bad ({@link TaskEvent.Malformed}):
     * only once phase 1 keys exist (the notify is then encrypted and hashed, RFC 2408 §5), never
     * for an informational message, and at most once per {@link #ERROR_NOTIFY_MILLIS}.
     *
     * @return whether the notify was sent
     */
    boolean answerError(NotifyType type, long now) {
        if (!sa.hasKeys() || lastErrorNotify != Long.MIN_VALUE && now - lastErrorNotify < ERROR_NOTIFY_MILLIS) {
            return false;
        }
        lastErrorNotify = now;
        send(new NotifyPayload(1, ProtocolId.ISAKMP, type, sa.cookies(), new byte[0]));
        return true;
    }

    /** Tells the gateway that we hold no other SA with it, so that it can drop stale ones. */
    void initialContact() {
        send(new NotifyPayload(1, ProtocolId.ISAKMP, NotifyType.INITIAL_CONTACT, sa.cookies(), new byte[0]));
    }

    private void send(dev.roadwarrior.engine.ike.codec.payload.Payload payload) {
        tasks.sendOnce(HashedMessages.build(sa, ExchangeType.INFORMATIONAL, sa.newMessageId(), List.of(payload)));
    }

    /**
     * The failure a gateway's error notify stands for.
     *
     * @param groupPassword whether phase 1 proves the group password (pre-shared key, or the
     *     group hash of hybrid group authentication)
     */
    static ConnectException failure(NotifyType type, boolean groupPassword) {
        FailureReason reason;
        if (type.equals(NotifyType.NO_PROPOSAL_CHOSEN)) {
            reason = FailureReason.NO_PROPOSAL_CHOSEN;
        } else if (type.equals(NotifyType.AUTHENTICATION_FAILED) || type.equals(NotifyType.INVALID_HASH_INFORMATION)) {
            // otherwise the gateway refused our certificate or identity, not a password
            reason = groupPassword ? FailureReason.WRONG_GROUP_PASSWORD : FailureReason.IDENTITY_REJECTED;
        } else if (type.equals(NotifyType.INVALID_ID_INFORMATION) || type.equals(NotifyType.INVALID_CERTIFICATE)
                || type.equals(NotifyType.INVALID_CERT_AUTHORITY) || type.equals(NotifyType.INVALID_SIGNATURE)
                || type.equals(NotifyType.CERT_TYPE_UNSUPPORTED) || type.equals(NotifyType.CERTIFICATE_UNAVAILABLE)) {
            reason = FailureReason.IDENTITY_REJECTED;
        } else {
            reason = FailureReason.PROTOCOL_ERROR;
        }
        return new ConnectException(reason, "the gateway sent " + type);
    }
}
