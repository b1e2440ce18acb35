package dev.roadwarrior.engine.ike.task;

import dev.roadwarrior.engine.ike.IkeSa;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Dead peer detection's question (RFC 3706), as strongSwan's {@code isakmp_dpd} task: one
 * R-U-THERE notify with its sequence number in a protected informational message. The exchange
 * is that one message ({@link TaskType#oneWay}); the gateway's R-U-THERE-ACK comes in an
 * informational message of its own, which dead peer detection matches by sequence number.
 */
public final class DpdTask implements Task {

    private final IkeSa sa;
    private final int sequence;

    public DpdTask(IkeSa sa, int sequence) {
        this.sa = sa;
        this.sequence = sequence;
    }

    @Override
    public TaskType type() {
        return TaskType.DPD;
    }

    @Override
    public IkeMessage build() {
        return HashedMessages.build(sa, ExchangeType.INFORMATIONAL, sa.newMessageId(), List.of(new NotifyPayload(1,
                ProtocolId.ISAKMP, NotifyType.R_U_THERE, sa.cookies(), ByteBuffer.allocate(4).putInt(sequence).array())));
    }

    /** Never called: no message answers an informational exchange (the task manager routes none to it). */
    @Override
    public TaskResult process(IkeMessage message) {
        throw new IllegalStateException("an R-U-THERE has no reply in its own exchange");
    }
}
