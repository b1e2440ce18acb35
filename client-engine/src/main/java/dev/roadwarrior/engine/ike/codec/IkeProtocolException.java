package dev.roadwarrior.engine.ike.codec;

import dev.roadwarrior.engine.ike.codec.payload.NotifyType;

/**
 * A protocol violation by the peer (or an unusable message), typed by the notify that describes it
 * on the wire. The codec throws it for every malformed input; the IKE tasks throw it for semantic
 * errors. One place (the task manager) maps it to a notify to send back or to a teardown.
 *
 * <p>{@link #detail()} is technical context for logs; it never holds secrets.
 */
public final class IkeProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final NotifyType notify;
    private final String detail;

    public IkeProtocolException(NotifyType notify, String detail) {
        super(notify + (detail.isEmpty() ? "" : ": " + detail));
        this.notify = notify;
        this.detail = detail;
    }

    /** The notify type that describes the error (e.g. PAYLOAD_MALFORMED). */
    public NotifyType notifyType() {
        return notify;
    }

    public String detail() {
        return detail;
    }
}
