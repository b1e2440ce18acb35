package dev.roadwarrior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --help} on the root command and on every subcommand prints its usage and exits 0. */
class HelpOptionTest {

    @Test
    void everySubcommandPrintsItsHelpAndExitsZero() {
        List<String> names = List.copyOf(RoadwarriorCommand.commandLine().getSubcommands().keySet());
        assertTrue(names.contains("connect"), names.toString());
        for (String name : names) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = RoadwarriorCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int code = name.equals("help") ? cl.execute(name) : cl.execute(name, "--help");
            assertEquals(0, code, name + ": " + err);
            assertTrue(out.toString().startsWith("Usage: roadwarrior"), name + ": " + out);
            assertEquals("", err.toString(), name);
        }
    }

    @Test
    void theRootCommandPrintsItsHelp() {
        StringWriter out = new StringWriter();
        CommandLine cl = RoadwarriorCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("--help"));
        assertTrue(out.toString().contains("connect"), out.toString());
    }
}
