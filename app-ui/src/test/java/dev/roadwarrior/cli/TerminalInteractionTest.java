package dev.roadwarrior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.connect.Prompt;
import dev.roadwarrior.connect.PromptField;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLI's side of a connect: without a terminal prompts are answered with nothing, in words; stdin lines. */
class TerminalInteractionTest {

    @Test
    void withoutATerminalThePromptIsAnsweredWithNothingAndExplained() {
        StringWriter err = new StringWriter();
        TerminalInteraction terminal = new TerminalInteraction(null, new PrintWriter(new StringWriter()),
                new PrintWriter(err, true));
        Prompt prompt = new Prompt("lab", List.of(PromptField.PASSCODE), Map.of(), "", "Enter the token code", "", false);
        assertEquals(Map.of(), terminal.ask(prompt).orElseThrow().values(), "the engine then fails with CREDENTIALS_MISSING");
        assertTrue(err.toString().contains("The gateway asks for: Passcode, but there is no terminal"), err.toString());
    }

    @Test
    void theFirstStdinLineIsTakenAndTheRestStays() throws Exception {
        InputStream in = new ByteArrayInputStream("pässphrase\r\nxauth-password\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("pässphrase", new String(TerminalInteraction.line(in)));
        assertEquals("xauth-password", new String(TerminalInteraction.line(in)));
        assertEquals("", new String(TerminalInteraction.line(in)));
    }
}
