package dev.roadwarrior.cli;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.model.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code roadwarrior list}: one profile per line, name first, then gateway and authentication
 * method, in aligned columns. A damaged profile is listed with its problem and makes the exit code 1.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the stored profiles.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return ProfileCommandSupport.run(spec, (library, out) -> {
            List<String> names = library.profiles().names();
            if (names.isEmpty()) {
                spec.commandLine().getErr().println("No profiles yet; add one with: roadwarrior import FILE");
                return RoadwarriorCommand.OK;
            }
            List<String[]> rows = new ArrayList<>();
            int code = RoadwarriorCommand.OK;
            for (String name : names) {
                try {
                    Profile p = library.load(name);
                    rows.add(new String[] {name, p.gateway().host() + portSuffix(p.gateway().ikePort()),
                        p.authentication().method().keyword()});
                } catch (ProfileException e) {
                    rows.add(new String[] {name, "(unreadable: " + e.getMessage() + ")", ""});
                    code = RoadwarriorCommand.FAILED;
                }
            }
            int nameWidth = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
            int hostWidth = rows.stream().mapToInt(r -> r[1].length()).max().orElse(0);
            for (String[] r : rows) {
                out.println(String.format("%-" + nameWidth + "s  %-" + hostWidth + "s  %s", (Object[]) r).stripTrailing());
            }
            return code;
        });
    }

    private static String portSuffix(int port) {
        return port == 500 ? "" : ":" + port;
    }
}
