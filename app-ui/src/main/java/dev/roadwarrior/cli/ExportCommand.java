package dev.roadwarrior.cli;

import dev.roadwarrior.profiles.io.ShrewVpnExporter.LineEnding;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code roadwarrior export NAME FILE}: writes a profile as a Shrew Soft 2.2 .vpn file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a profile as a Shrew Soft .vpn file (version 4).",
            "The file holds the group password, as Shrew needs it, and is written with mode 0600."})
final class ExportCommand implements Callable<Integer> {

    @Mixin
    NamedProfile target;

    @Parameters(index = "1", paramLabel = "FILE", description = "the .vpn file to write (replaced if it exists)")
    Path file;

    @Option(names = "--crlf", description = "Windows line endings, as the Windows Shrew client writes them")
    boolean crlf;

    @Override
    public Integer call() {
        return target.run((library, out) -> {
            library.exportVpn(target.name, file, crlf ? LineEnding.CRLF : LineEnding.LF);
            out.printf("Exported profile \"%s\" to %s.%n", target.name, file);
            return RoadwarriorCommand.OK;
        });
    }
}
