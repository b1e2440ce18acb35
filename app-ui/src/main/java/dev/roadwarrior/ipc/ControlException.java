package dev.roadwarrior.ipc;

import dev.roadwarrior.ipc.ControlMessage.ErrorCode;
import java.util.Optional;

/**
 * A line of the control protocol that cannot be used. {@link #getMessage()} is technical detail
 * that never quotes the line's values (it may hold secrets): field names and positions only.
 */
public final class ControlException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final transient Optional<Long> requestId;

    public ControlException(ErrorCode code, String detail, Optional<Long> requestId) {
        super(detail);
        this.code = code;
        this.requestId = requestId;
    }

    /** What is wrong, as sent in the error reply. */
    public ErrorCode code() {
        return code;
    }

    /** The id of the request, when the line had a readable one. */
    public Optional<Long> requestId() {
        return requestId;
    }
}
