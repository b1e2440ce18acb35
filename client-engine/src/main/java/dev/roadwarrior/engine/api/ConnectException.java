package dev.roadwarrior.engine.api;

/**
 * A connection attempt that failed, with a typed reason. {@link #detail()} holds technical
 * context (e.g. the notify the gateway sent, what was offered) for logs and "details" views;
 * it never holds secrets.
 */
public final class ConnectException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureReason reason;
    private final String detail;

    public ConnectException(FailureReason reason, String detail) {
        this(reason, detail, null);
    }

    public ConnectException(FailureReason reason, String detail, Throwable cause) {
        super(reason + (detail.isEmpty() ? "" : ": " + detail), cause);
        this.reason = reason;
        this.detail = detail;
    }

    public FailureReason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
