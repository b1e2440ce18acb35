package dev.roadwarrior.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code roadwarrior delete NAME}: removes a profile and its stored passwords. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a profile and its stored passwords.")
final class DeleteCommand implements Callable<Integer> {

    @Mixin
    NamedProfile target;

    @Override
    public Integer call() {
        return target.run((library, out) -> {
            library.delete(target.name);
            out.printf("Deleted profile \"%s\".%n", target.name);
            return RoadwarriorCommand.OK;
        });
    }
}
