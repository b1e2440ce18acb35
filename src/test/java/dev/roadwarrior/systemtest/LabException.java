package dev.roadwarrior.systemtest;

/** A lab operation failed; the detail holds the command output or state needed to debug it. */
public final class LabException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** A command exited with a non-zero code. */
        COMMAND_FAILED,
        /** A command ran past its timeout and was killed. */
        COMMAND_TIMED_OUT,
        /** A daemon or client did not reach the expected state in time (or exited early). */
        NOT_READY,
        /** Reading or writing lab files failed. */
        IO,
        /** The lab itself is broken (a strongSwan plugin or a tool is missing); the detail says what to install. */
        LAB_BROKEN
    }

    private final Reason reason;

    public LabException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public LabException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
