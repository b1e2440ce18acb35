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
import dev.roadwarrior.ipc.ControlMessage;
import dev.roadwarrior.ipc.ServiceException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every engine, service and ipc reason, step, warning and prompt field has words. */
class ErrorMessagesTest {

    @Test
    void everyEnumValueHasWords() {
        for (FailureReason r : FailureReason.values()) {
            assertFalse(ErrorMessages.failure(new ConnectException(r, "")).isBlank(), r.name());
        }
        for (ProgressStep s : ProgressStep.values()) {
            assertFalse(ErrorMessages.progress(s, "").isBlank(), s.name());
        }
        for (WarningReason w : WarningReason.values()) {
            assertFalse(ErrorMessages.warning(w, "").isBlank(), w.name());
        }
        for (CredentialKind k : CredentialKind.values()) {
            assertFalse(ErrorMessages.promptLabel(k).isBlank(), k.name());
        }
        for (PromptField f : PromptField.values()) {
            assertFalse(f.label().isBlank(), f.name());
        }
        for (ServiceException.Reason r : ServiceException.Reason.values()) {
            assertFalse(ErrorMessages.describe(new ServiceException(r, "")).isBlank(), r.name());
        }
        for (ControlMessage.ErrorCode c : ControlMessage.ErrorCode.values()) {
            assertFalse(ErrorMessages.describe(ServiceException.refused(c, "")).isBlank(), c.name());
        }
        for (String key : List.of("password.saved", "password.mayBeSaved", "password.notAllowed", "connect.busy",
                "connect.cancelled", "connect.needCredentials")) {
            assertFalse(ErrorMessages.text(key).isBlank(), key);
        }
    }

    @Test
    void theSameReasonGivesTheSameSentenceWhereverItIsWrapped() {
        ConnectException wrong = new ConnectException(FailureReason.WRONG_GROUP_PASSWORD, "");
        String sentence = "The group password (pre-shared key) is wrong, or the group name is unknown to the gateway.";
        assertEquals(sentence, ErrorMessages.failure(wrong));
        assertEquals(sentence, ErrorMessages.describe(new IllegalStateException("x", wrong)));
        ServiceException notRunning = new ServiceException(ServiceException.Reason.NOT_RUNNING, "");
        assertEquals(ErrorMessages.describe(notRunning), ErrorMessages.describe((Throwable) notRunning));
        assertEquals(ErrorMessages.text("connect.busy"),
                ErrorMessages.describe(new IllegalStateException("a connection is already running")));
    }

    @Test
    void promptsShowTheGatewaysWords() {
        EngineEvent.CredentialsRequired prompt = new EngineEvent.CredentialsRequired("p", List.of(CredentialKind.PASSCODE,
                CredentialKind.NEXT_PIN), "Enter the token code", "1234", false);
        Prompt asked = new Prompt("lab", List.of(PromptField.PASSCODE, PromptField.NEXT_PIN), java.util.Map.of(),
                ErrorMessages.promptIntro(prompt), prompt.message(), prompt.challenge(), false);
        assertEquals("The gateway asks for more to authenticate you.\nThe gateway says: Enter the token code\n"
                + "Challenge: 1234", ErrorMessages.promptText(asked));
        String noTerminal = ErrorMessages.noTerminal(asked);
        assertTrue(noTerminal.startsWith("The gateway asks for: Passcode, New PIN, but there is no terminal"), noTerminal);
        assertTrue(noTerminal.endsWith("(Enter the token code)"), noTerminal);
    }
}
