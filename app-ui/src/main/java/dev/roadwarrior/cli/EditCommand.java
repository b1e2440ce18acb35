package dev.roadwarrior.cli;

import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.ProfileWarning;
import dev.roadwarrior.profiles.io.ShrewVpnExporter;
import dev.roadwarrior.profiles.io.ShrewVpnImporter;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code roadwarrior edit NAME}: the profile as {@code .vpn} text in the user's editor, read back with
 * the importer's checks and saved; nothing changes when the text has an error. The text never holds a
 * secret (the group password stays in the secret store unless the user adds {@code auth-mutual-psk});
 * the temporary file is private (0600) and deleted afterwards.
 */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Edit a profile as .vpn text in $EDITOR (or $VISUAL, editor, vi).",
            "The text is checked like an imported file; the profile changes only when it is correct. "
                + "Passwords are not in the text: add a b:auth-mutual-psk line to change the group password."})
final class EditCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    NamedProfile target;

    private final Map<String, String> env;
    private final BooleanSupplier editAgain;

    EditCommand() {
        this(System.getenv(), EditCommand::askOnConsole);
    }

    /**
     * @param env the environment ({@code EDITOR}, {@code VISUAL}, {@code PATH}, {@code XDG_RUNTIME_DIR})
     * @param editAgain asked after an error: true to open the editor again on the same text
     */
    EditCommand(Map<String, String> env, BooleanSupplier editAgain) {
        this.env = env;
        this.editAgain = editAgain;
    }

    @Override
    public Integer call() {
        return target.run(this::edit);
    }

    private int edit(ProfileLibrary library, PrintWriter out) throws ProfileException {
        Profile profile = library.load(target.name);
        byte[] original = ShrewVpnExporter.export(profile, Optional.empty(), ShrewVpnExporter.LineEnding.LF);
        PrintWriter err = spec.commandLine().getErr();
        Path file;
        try {
            file = Files.createTempFile(tempDir(), "roadwarrior-" + target.name + "-", ".vpn",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            err.println("error: cannot create a private temporary file: " + e.getMessage());
            return RoadwarriorCommand.FAILED;
        }
        try {
            Files.write(file, original);
            return editLoop(library, file, original, out, err);
        } catch (IOException e) {
            err.println("error: " + e.getMessage() + "; the profile was not changed.");
            return RoadwarriorCommand.FAILED;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                err.println("warning: could not delete " + file + ": " + e.getMessage());
            }
        }
    }

    private int editLoop(ProfileLibrary library, Path file, byte[] original, PrintWriter out, PrintWriter err)
            throws IOException, ProfileException {
        while (true) {
            String editor = editor();
            int status = runEditor(editor, file);
            if (status != 0) {
                err.printf("error: the editor (%s) exited with status %d; the profile was not changed.%n", editor,
                        status);
                return RoadwarriorCommand.FAILED;
            }
            byte[] edited = Files.readAllBytes(file);
            if (Arrays.equals(edited, original)) {
                out.printf("No changes; profile \"%s\" was not changed.%n", target.name);
                return RoadwarriorCommand.OK;
            }
            ImportResult result;
            try {
                result = ShrewVpnImporter.parse(edited, target.name + ".vpn", file.getParent(), target.name);
            } catch (ProfileException e) {
                err.println("error: " + e.getMessage());
                err.println("The profile was not changed.");
                err.flush();
                if (e.reason().isBadInput() && editAgain.getAsBoolean()) {
                    continue;
                }
                return e.reason().isBadInput() ? RoadwarriorCommand.BAD_INPUT : RoadwarriorCommand.FAILED;
            }
            for (ProfileWarning w : result.warnings()) {
                ProfileCommandSupport.warn(spec, w);
            }
            save(library, result);
            out.printf("Saved profile \"%s\".%n", target.name);
            return RoadwarriorCommand.OK;
        }
    }

    /** The edited settings replace the profile; a group password typed into the text replaces the stored one. */
    private static void save(ProfileLibrary library, ImportResult result) throws ProfileException {
        for (Map.Entry<SecretKind, Secret> e : result.secrets().entrySet()) {
            library.secrets().put(result.profile().name(), e.getKey(), e.getValue());
        }
        library.profiles().save(result.profile());
    }

    private String editor() {
        for (String variable : new String[] {"EDITOR", "VISUAL"}) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return onPath("editor") ? "editor" : "vi";
    }

    private boolean onPath(String command) {
        String path = env.getOrDefault("PATH", "");
        return Arrays.stream(path.split(":")).filter(d -> !d.isEmpty())
                .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    /** Runs the editor (which may carry arguments, e.g. {@code code --wait}) on the terminal. */
    private static int runEditor(String editor, Path file) throws IOException {
        Process p = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "sh", file.toString()).inheritIO().start();
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IOException("interrupted while waiting for the editor", e);
        }
    }

    private Path tempDir() {
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))) {
            return Path.of(runtime);
        }
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static boolean askOnConsole() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("Edit again? [Y/n] ");
        return answer != null && !answer.strip().toLowerCase(Locale.ROOT).startsWith("n");
    }
}
