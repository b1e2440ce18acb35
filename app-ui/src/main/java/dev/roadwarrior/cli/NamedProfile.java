package dev.roadwarrior.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the commands on one stored profile ({@code show}, {@code edit}, {@code export},
 * {@code delete}) share, as a picocli mixin: the {@code NAME} parameter, and running the command's
 * body through {@link ProfileCommandSupport} with the command it is mixed into.
 */
final class NamedProfile {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "NAME", description = "the profile")
    String name;

    /** Runs {@code action} on the user's profiles; see {@link ProfileCommandSupport#run}. */
    int run(ProfileCommandSupport.Action action) {
        return ProfileCommandSupport.run(command, action);
    }
}
