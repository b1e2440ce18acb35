package dev.roadwarrior.ipc;

import dev.roadwarrior.ipc.ControlMessage.ErrorCode;
import java.util.Optional;

/**
 * Talking to the Roadwarrior service failed. {@link #reason()} says how (the words for it are in
 * {@link ErrorMessages}); {@link #detail()} is technical context.
 */
public final class ServiceException extends Exception {

    private static final long serialVersionUID = 1L;

    /** How talking to the service failed. */
    public enum Reason {
        /** No service listens on the socket (no socket file, or a stale one). */
        NOT_RUNNING,
        /** The caller is neither root nor in group {@code roadwarrior}. */
        NOT_ALLOWED,
        /** The service speaks another protocol version. */
        PROTOCOL_MISMATCH,
        /** The line to the service broke. */
        LOST,
        /** The service did not answer in time. */
        NO_ANSWER,
        /** The service refused the request; see {@link #errorCode()}. */
        REFUSED
    }

    private final Reason reason;
    private final transient Optional<ErrorCode> errorCode;
    private final String detail;

    public ServiceException(Reason reason, String detail) {
        this(reason, Optional.empty(), detail, null);
    }

    public ServiceException(Reason reason, Optional<ErrorCode> errorCode, String detail, Throwable cause) {
        super(reason + errorCode.map(c -> " " + c).orElse("") + (detail.isEmpty() ? "" : ": " + detail), cause);
        this.reason = reason;
        this.errorCode = errorCode;
        this.detail = detail;
    }

    /** A refusal by the service. */
    public static ServiceException refused(ErrorCode code, String message) {
        return new ServiceException(code == ErrorCode.NOT_ALLOWED ? Reason.NOT_ALLOWED : Reason.REFUSED,
                Optional.of(code), message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The service's error code when it refused. */
    public Optional<ErrorCode> errorCode() {
        return errorCode;
    }

    /** Technical context; for refusals the service's message. */
    public String detail() {
        return detail;
    }
}
