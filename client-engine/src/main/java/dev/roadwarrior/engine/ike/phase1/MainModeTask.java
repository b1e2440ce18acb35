package dev.roadwarrior.engine.ike.phase1;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.ike.IkeSa;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.task.TaskResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Main Mode (identity protection) as initiator (RFC 2409 §5.1 signatures, §5.4 pre-shared key,
 * and the hybrid draft), with XAuth, NAT-T and certificate requests:
 * <pre>
 * HDR, SA, VIDs                                 --&gt;
 *                                               &lt;--  HDR, SA, VIDs
 * HDR, KE, Ni, [CERTREQ,] NAT-D, NAT-D          --&gt;
 *                                               &lt;--  HDR, KE, Nr, [CERTREQ,] NAT-D, NAT-D
 * HDR*, IDii, [CERT,] HASH_I | SIG_I, [N(GROUP-HASH),] N(INITIAL-CONTACT)  --&gt;
 *                                               &lt;--  HDR*, IDir, [CERT,] HASH_R | SIG_R
 * </pre>
 * Identities travel encrypted. From the fifth message on IKE uses the NAT-T port once NAT-T is
 * agreed (see {@link Phase1Support}); the Diffie-Hellman group is the one the gateway chose.
 */
public final class MainModeTask implements Phase1Task {

    /** Which answer the task waits for. */
    private enum State { SA_SENT, KE_SENT, AUTH_SENT }

    private final IkeSa sa;
    private final Phase1Support phase1;
    private State state = State.SA_SENT;
    private String gatewayIdentity = "";

    public MainModeTask(IkeSa sa, Phase1Authenticator authenticator) {
        this.sa = sa;
        this.phase1 = new Phase1Support(sa, authenticator);
    }

    @Override
    public boolean natDetected() {
        return phase1.natDetected();
    }

    @Override
    public String gatewayIdentity() {
        return gatewayIdentity;
    }

    @Override
    public IkeMessage build() {
        List<Payload> payloads = new ArrayList<>();
        payloads.add(phase1.offer());
        payloads.addAll(phase1.vendorIds());
        return message(0, payloads);
    }

    @Override
    public TaskResult process(IkeMessage reply) throws IkeProtocolException, ConnectException {
        if (!reply.header().exchangeType().equals(ExchangeType.MAIN_MODE)
                || reply.header().isEncrypted() != (state == State.AUTH_SENT)) {
            throw new IkeProtocolException(NotifyType.INVALID_EXCHANGE_TYPE, "expected the main mode answer to "
                    + state);
        }
        if (state == State.SA_SENT) {
            phase1.accept(reply);
            List<Payload> payloads = new ArrayList<>(phase1.keyExchange(phase1.choice().group()));
            payloads.addAll(phase1.authenticator().certificateRequests());
            payloads.addAll(phase1.natD());
            state = State.KE_SENT;
            return TaskResult.needMore(message(0, payloads));
        }
        if (state == State.KE_SENT) {
            phase1.deriveKeys(reply);
            phase1.establish();
            phase1.detectNatAndFloat(reply);
            IdPayload idI = phase1.localId();
            List<Payload> payloads = new ArrayList<>();
            payloads.add(idI);
            payloads.addAll(phase1.proof(idI));
            payloads.addAll(phase1.initialContact());
            state = State.AUTH_SENT;
            return TaskResult.needMore(message(IkeHeader.FLAG_ENCRYPTION, payloads));
        }
        gatewayIdentity = phase1.verify(reply);
        return TaskResult.finished();
    }

    private IkeMessage message(int flags, List<Payload> payloads) {
        return new IkeMessage(IkeHeader.of(sa.initiatorCookie(), sa.responderCookie(), ExchangeType.MAIN_MODE, flags, 0),
                payloads);
    }
}
