package dev.roadwarrior.engine.ike;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest.AuthMethod;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.DeletePayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.task.HashedMessages;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Informational exchanges in both directions: the gateway's notifies and deletes (and DPD
 * R-U-THERE, answered at once), and our deletes on disconnect. Each is a single message.
 */
final class Informational {

    private static final System.Logger LOG = System.getLogger(Informational.class.getName());

    private final IkeSa sa;
    private final TaskManager tasks;

    Informational(IkeSa sa, TaskManager tasks) {
        this.sa = sa;
        this.tasks = tasks;
    }

    /**
     * Handles an informational message from the gateway.
     *
     * @return the failure it reports, if it ends the connection
     */
    Optional<ConnectException> handle(IkeMessage message) {
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
        for (NotifyPayload n : message.all(NotifyPayload.class)) {
            if (n.notifyType().equals(NotifyType.R_U_THERE)) {
                send(new NotifyPayload(1, ProtocolId.ISAKMP, NotifyType.R_U_THERE_ACK, sa.cookies(), n.data()));
            } else if (n.notifyType().code() < 8192) {
                AuthMethod method = sa.request().phase1().auth();
                return Optional.of(failure(n.notifyType(),
                        method.usesPreSharedKey() || method == AuthMethod.HYBRID_GRP_XAUTH));
            } else {
                LOG.log(System.Logger.Level.DEBUG, "gateway notify " + n.notifyType());
            }
        }
        for (DeletePayload d : message.all(DeletePayload.class)) {
            if (d.protocolId() == ProtocolId.ISAKMP || d.protocolId() == ProtocolId.ESP) {
                return Optional.of(new ConnectException(FailureReason.DELETED_BY_GATEWAY,
                        "the gateway deleted the " + (d.protocolId() == ProtocolId.ISAKMP ? "IKE" : "IPsec") + " SA"));
            }
        }
        return Optional.empty();
    }

    /** Tells the gateway to delete our ESP SA pair. */
    void deleteChild(ChildSaKeys child) {
        send(new DeletePayload(1, ProtocolId.ESP, 4, List.of(ByteBuffer.allocate(4).putInt(child.inboundSpi()).array())));
    }

    /** Tells the gateway to delete the ISAKMP SA. */
    void deleteIkeSa() {
        send(new DeletePayload(1, ProtocolId.ISAKMP, 16, List.of(sa.cookies())));
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
