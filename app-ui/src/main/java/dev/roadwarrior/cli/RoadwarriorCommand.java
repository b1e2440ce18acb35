package dev.roadwarrior.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command. With no subcommand it opens the desktop app; until that exists it prints help. */
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

    /** A configured command line: usage errors exit 2. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RoadwarriorCommand());
        // picocli asks this mapper for parameter errors too, so they must map to BAD_INPUT here
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? BAD_INPUT : FAILED);
        cl.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT);
        return cl;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return OK;
    }
}
