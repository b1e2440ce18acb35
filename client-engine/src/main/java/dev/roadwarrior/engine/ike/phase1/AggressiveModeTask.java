package dev.roadwarrior.engine.ike.phase1;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.crypto.DhGroup;
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
 * Aggressive Mode as initiator (RFC 2409 §5.4 pre-shared key, §5.1 signatures, and the hybrid
 * draft), with XAuth, NAT-T and certificate requests:
 * <pre>
 * HDR, SA, KE, Ni, IDii, [CERTREQ,] VIDs   --&gt;
 *                     &lt;--  HDR, SA, KE, Nr, IDir, [CERT,] HASH_R | SIG_R, VIDs, NAT-D, NAT-D
 * HDR*, [CERT,] HASH_I | SIG_I, [N(GROUP-HASH),] NAT-D, NAT-D, N(INITIAL-CONTACT)  --&gt;
 * </pre>
 * The last message goes to the NAT-T port once NAT-T is agreed (see {@link Phase1Support}). The
 * Diffie-Hellman group is that of the first proposal: Aggressive Mode cannot negotiate it.
 */
public final class AggressiveModeTask implements Phase1Task {

    private final IkeSa sa;
    private final Phase1Support phase1;
    private DhGroup group;
    private IdPayload idI;
    private String gatewayIdentity = "";

    public AggressiveModeTask(IkeSa sa, Phase1Authenticator authenticator) {
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
    public IkeMessage build() throws ConnectException {
        group = DhGroup.of(sa.request().phase1().proposals().get(0).dhGroup());
        List<Payload> payloads = new ArrayList<>();
        payloads.add(phase1.offer());
        payloads.addAll(phase1.keyExchange(group));
        idI = phase1.localId();
        payloads.add(idI);
        payloads.addAll(phase1.authenticator().certificateRequests());
        payloads.addAll(phase1.vendorIds());
        return new IkeMessage(IkeHeader.of(sa.initiatorCookie(), 0, ExchangeType.AGGRESSIVE, 0, 0), payloads);
    }

    @Override
    public TaskResult process(IkeMessage reply) throws IkeProtocolException, ConnectException {
        if (!reply.header().exchangeType().equals(ExchangeType.AGGRESSIVE) || reply.header().isEncrypted()) {
            throw new IkeProtocolException(NotifyType.INVALID_EXCHANGE_TYPE, "expected the aggressive mode answer");
        }
        phase1.accept(reply);
        if (!phase1.choice().group().equals(group)) {
            throw new ConnectException(FailureReason.NO_PROPOSAL_CHOSEN, "the gateway chose " + phase1.choice()
                    + " but Aggressive Mode already sent a key for " + group);
        }
        phase1.deriveKeys(reply);
        gatewayIdentity = phase1.verify(reply);
        phase1.establish();
        phase1.detectNatAndFloat(reply);

        List<Payload> payloads = new ArrayList<>(phase1.proof(idI));
        payloads.addAll(phase1.natD());
        payloads.addAll(phase1.initialContact());
        return TaskResult.finished(new IkeMessage(IkeHeader.of(sa.initiatorCookie(), sa.responderCookie(),
                ExchangeType.AGGRESSIVE, IkeHeader.FLAG_ENCRYPTION, 0), payloads));
    }
}
