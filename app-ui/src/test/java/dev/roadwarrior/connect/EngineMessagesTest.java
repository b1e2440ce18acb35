package dev.roadwarrior.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.api.WarningReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every engine reason, step, warning and prompt field has words. */
class EngineMessagesTest {

    @Test
    void everyEnumValueHasWords() {
        for (FailureReason r : FailureReason.values()) {
            assertFalse(EngineMessages.failure(new ConnectException(r, "")).isBlank(), r.name());
        }
        for (ProgressStep s : ProgressStep.values()) {
            assertFalse(EngineMessages.progress(s, "").isBlank(), s.name());
        }
        for (WarningReason w : WarningReason.values()) {
            assertFalse(EngineMessages.warning(w, "").isBlank(), w.name());
        }
        for (CredentialKind k : CredentialKind.values()) {
            assertFalse(EngineMessages.promptLabel(k).isBlank(), k.name());
        }
        for (String key : List.of("password.saved", "password.mayBeSaved", "password.notAllowed")) {
            assertFalse(EngineMessages.text(key).isBlank(), key);
        }
    }

    @Test
    void promptsShowTheGatewaysWords() {
        EngineEvent.CredentialsRequired prompt = new EngineEvent.CredentialsRequired("p", List.of(CredentialKind.PASSCODE,
                CredentialKind.NEXT_PIN), "Enter the token code", "1234", false);
        assertEquals("The gateway asks for more to authenticate you.\nThe gateway says: Enter the token code\n"
                + "Challenge: 1234", EngineMessages.promptIntro(prompt));
        String noTerminal = EngineMessages.noTerminal(prompt);
        assertTrue(noTerminal.startsWith("The gateway asks for: Passcode, New PIN, but there is no terminal"), noTerminal);
        assertTrue(noTerminal.endsWith("(Enter the token code)"), noTerminal);
    }
}
