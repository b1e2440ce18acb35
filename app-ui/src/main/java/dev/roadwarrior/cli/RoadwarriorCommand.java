package dev.roadwarrior.cli;

import dev.roadwarrior.ui.AppLauncher;
import dev.roadwarrior.ui.AppOptions;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The root command. With no subcommand it opens the desktop app (or brings the running one to the
 * front); without a display it prints help.
 */
@Command(name = "roadwarrior",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "IKEv1 road-warrior VPN client.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ImportCommand.class,
            ConnectCommand.class,
            DisconnectCommand.class,
            StatusCommand.class,
            ExportCommand.class,
            EditCommand.class,
            ListCommand.class,
            ShowCommand.class,
            DeleteCommand.class,
            DaemonCommand.class,
            OpenCommand.class,
        })
public final class RoadwarriorCommand implements Callable<Integer> {

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for anything that went wrong at run time. */
    public static final int FAILED = 1;
    /** Exit code for bad input or usage. */
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--connect", paramLabel = "NAME",
            description = "open the app and connect this profile (what the autostart entry runs at login)")
    String connect;

    /** A configured command line: usage errors exit 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RoadwarriorCommand());
        // picocli asks this mapper for parameter errors too, so they must map to BAD_INPUT here
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? BAD_INPUT : FAILED);
        cl.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT);
        cl.setExecutionStrategy(parsed -> {
            CliLogging.forCommand(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    @Override
    public Integer call() {
        if (!OpenCommand.hasDisplay()) {
            spec.commandLine().usage(spec.commandLine().getOut());
            return OK;
        }
        return AppLauncher.run(new AppOptions(Optional.empty(), Optional.ofNullable(connect)),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
