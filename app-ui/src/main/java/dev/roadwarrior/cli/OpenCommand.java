package dev.roadwarrior.cli;

import dev.roadwarrior.ui.AppLauncher;
import dev.roadwarrior.ui.AppOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code roadwarrior open FILE}: what the desktop entry runs when a {@code .vpn} or {@code .pcf} file
 * is opened. Starts the app, or hands the file to the app already running, which offers to import
 * it. Without a display it says to use {@code roadwarrior import}.
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Open a .vpn or .pcf file in the desktop app, which offers to import it.",
            "If the app is already running, the file is handed to it."})
final class OpenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the .vpn or .pcf file")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().printf("error: %s is not a file%n", file);
            spec.commandLine().getErr().flush();
            return RoadwarriorCommand.BAD_INPUT;
        }
        if (!hasDisplay()) {
            spec.commandLine().getErr().printf("error: no display for the desktop app; import the file with: "
                    + "roadwarrior import %s%n", file);
            spec.commandLine().getErr().flush();
            return RoadwarriorCommand.FAILED;
        }
        return AppLauncher.run(new AppOptions(Optional.of(file), Optional.empty()), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }

    /** Whether a graphical session is there (X11 or Wayland). */
    static boolean hasDisplay() {
        return notEmpty(System.getenv("DISPLAY")) || notEmpty(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
