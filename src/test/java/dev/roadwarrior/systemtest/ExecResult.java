package dev.roadwarrior.systemtest;

import java.time.Duration;
import java.util.List;

/**
 * Outcome of a command run to completion (or killed at its timeout) in a lab namespace.
 *
 * @param command  the command as given (without the {@code ip netns exec} prefix)
 * @param exitCode the exit code, or -1 when the command timed out
 * @param stdout   everything written to standard output
 * @param stderr   everything written to standard error
 * @param elapsed  wall-clock time until exit or kill
 * @param timedOut whether the command was killed because it ran past its timeout
 */
public record ExecResult(List<String> command, int exitCode, String stdout, String stderr,
                         Duration elapsed, boolean timedOut) {

    public ExecResult {
        command = List.copyOf(command);
    }

    /** Whether the command exited with 0 in time. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /**
     * Returns this result if the command succeeded.
     *
     * @throws LabException {@link LabException.Reason#COMMAND_TIMED_OUT} or
     *                      {@link LabException.Reason#COMMAND_FAILED}, with the output
     */
    public ExecResult orThrow() {
        if (timedOut) {
            throw new LabException(LabException.Reason.COMMAND_TIMED_OUT, describe());
        }
        if (exitCode != 0) {
            throw new LabException(LabException.Reason.COMMAND_FAILED, describe());
        }
        return this;
    }

    /** The command, its exit status and its output, for logs and failure messages. */
    public String describe() {
        final String status = timedOut ? "timed out" : "exit " + exitCode;
        return "$ " + String.join(" ", command) + "\n[" + status + " after " + elapsed.toMillis() + " ms]\n"
                + (stdout.isEmpty() ? "" : "--- stdout\n" + stdout + (stdout.endsWith("\n") ? "" : "\n"))
                + (stderr.isEmpty() ? "" : "--- stderr\n" + stderr + (stderr.endsWith("\n") ? "" : "\n"));
    }
}
