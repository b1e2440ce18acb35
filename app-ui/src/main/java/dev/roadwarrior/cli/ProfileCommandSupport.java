package dev.roadwarrior.cli;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.ProfileWarning;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the profile commands share: opening the user's profiles, printing warnings, and turning a
 * {@link ProfileException} into a line on stderr and an exit code (2 for bad input, 1 otherwise).
 * Users never see a stack trace.
 */
final class ProfileCommandSupport {

    /** The body of a command. */
    @FunctionalInterface
    interface Action {
        int run(ProfileLibrary library, PrintWriter out) throws ProfileException;
    }

    private ProfileCommandSupport() {
    }

    /** Runs {@code action} on the user's profiles and maps its failures to exit codes. */
    static int run(CommandSpec spec, Action action) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            int code = action.run(ProfileLibrary.open(), out);
            out.flush();
            return code;
        } catch (ProfileException e) {
            out.flush();
            err.println("error: " + e.getMessage());
            err.flush();
            return e.reason().isBadInput() ? RoadwarriorCommand.BAD_INPUT : RoadwarriorCommand.FAILED;
        } catch (RuntimeException e) {
            out.flush();
            err.println("error: unexpected failure: " + e);
            err.flush();
            return RoadwarriorCommand.FAILED;
        }
    }

    /** Prints a warning to stderr. */
    static void warn(CommandSpec spec, ProfileWarning w) {
        spec.commandLine().getErr().println("warning: " + w.message());
    }
}
