package dev.roadwarrior.cli;

import dev.roadwarrior.connect.ErrorMessages;
import dev.roadwarrior.connect.Prompt;
import dev.roadwarrior.connect.PromptAnswer;
import dev.roadwarrior.connect.PromptField;
import dev.roadwarrior.connect.UserInteraction;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The terminal side of a connect: asks prompts on the console (fields already known, such as a
 * saved user name, are not asked again; secrets are not echoed), and without a terminal answers
 * nothing and says why, so that the connect fails in words. Notes go to standard output.
 *
 * <p>Threading: called on the connect's worker thread or the command's thread, one at a time.
 */
final class TerminalInteraction implements UserInteraction {

    private final Console console;
    private final PrintWriter out;
    private final PrintWriter err;

    /** @param console the terminal, or null when there is none */
    TerminalInteraction(Console console, PrintWriter out, PrintWriter err) {
        this.console = console;
        this.out = out;
        this.err = err;
    }

    @Override
    public Optional<PromptAnswer> ask(Prompt prompt) {
        if (console == null) {
            err.println("error: " + ErrorMessages.noTerminal(prompt));
            err.flush();
            return Optional.of(new PromptAnswer(Map.of(), false));
        }
        console.writer().println(ErrorMessages.promptText(prompt));
        Map<PromptField, char[]> values = new EnumMap<>(PromptField.class);
        for (PromptField field : prompt.fields()) {
            if (prompt.known().containsKey(field)) {
                values.put(field, prompt.known().get(field).toCharArray());
                continue;
            }
            String label = field.label() + ": ";
            char[] v = field.secret() ? console.readPassword("%s", label)
                    : Optional.ofNullable(console.readLine("%s", label)).map(String::toCharArray).orElse(null);
            if (v == null) {
                new PromptAnswer(values, false).wipe();
                return Optional.empty();
            }
            values.put(field, v);
        }
        return Optional.of(new PromptAnswer(values, false));
    }

    @Override
    public void inform(String sentence) {
        out.println("  " + sentence);
        out.flush();
    }

    /**
     * One line of {@code in}, read byte by byte so that the rest stays there (the key passphrase
     * comes before the XAuth password on standard input); without its line end.
     */
    static char[] line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        byte[] bytes = line.toByteArray();
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] chars = Arrays.copyOf(decoded.array(), decoded.limit());
        Arrays.fill(decoded.array(), '\0');
        Arrays.fill(bytes, (byte) 0);
        return chars;
    }
}
