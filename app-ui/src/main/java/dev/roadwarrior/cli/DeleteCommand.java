package dev.roadwarrior.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roadwarrior delete NAME}: removes a profile and its stored passwords. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a profile and its stored passwords.")
final class DeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the profile")
    String name;

    @Override
    public Integer call() {
        return ProfileCommandSupport.run(spec, (library, out) -> {
            library.delete(name);
            out.printf("Deleted profile \"%s\".%n", name);
            return RoadwarriorCommand.OK;
        });
    }
}
