package dev.roadwarrior.cli;

import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.ProfileWarning;
import dev.roadwarrior.profiles.model.Profile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code roadwarrior import FILE [--name NAME]}: a Shrew .vpn or Cisco .pcf file becomes a profile. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a Shrew Soft .vpn or Cisco VPN Client .pcf file as a new profile.",
            "The name is the file name up to its first dot unless --name is given; "
                + "an existing profile is never replaced. Passwords go to the secret store."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .vpn or .pcf file")
    Path file;

    @Option(names = "--name", paramLabel = "NAME", description = "the new profile's name")
    String name;

    @Override
    public Integer call() {
        return ProfileCommandSupport.run(spec, (library, out) -> {
            ImportResult r = library.importFile(file, Optional.ofNullable(name));
            for (ProfileWarning w : r.warnings()) {
                ProfileCommandSupport.warn(spec, w);
            }
            Profile p = r.profile();
            out.printf("Imported profile \"%s\" (%s, %s).%n", p.name(), p.gateway().host(),
                    p.authentication().method().keyword());
            if (!r.secrets().isEmpty()) {
                out.printf("Passwords stored in %s.%n", library.secrets().describe());
            }
            return RoadwarriorCommand.OK;
        });
    }
}
