package dev.roadwarrior.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.EngineListener;
import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.profiles.secrets.FileSecretStore;
import dev.roadwarrior.profiles.secrets.SecretKind;
import dev.roadwarrior.profiles.secrets.SecretStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's answers to the engine's questions: prompts without a terminal, and saving the password. */
class TerminalPromptsTest {

    @TempDir
    Path temp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AnswerRecorder engine = new AnswerRecorder();

    private TerminalPrompts prompts(SecretStore secrets, Optional<char[]> password, boolean savedBefore) {
        return new TerminalPrompts(engine, null, new PrintWriter(out, true), new PrintWriter(err, true), secrets, "lab",
                password, savedBefore);
    }

    @Test
    void withoutATerminalThePromptIsAnsweredWithNothingAndExplained() throws Exception {
        TerminalPrompts prompts = prompts(new FileSecretStore(temp.resolve("secrets")), Optional.empty(), false);
        prompts.ask(new EngineEvent.CredentialsRequired("xauth-2", List.of(CredentialKind.PASSCODE),
                "Enter the token code", "", false));
        Map.Entry<String, Map<CredentialKind, char[]>> answer = engine.answers.poll(10, TimeUnit.SECONDS);
        assertEquals("xauth-2", answer.getKey());
        assertEquals(Map.of(), answer.getValue(), "the engine then fails with CREDENTIALS_MISSING");
        prompts.close();
        assertTrue(err.toString().contains("The gateway asks for: Passcode, but there is no terminal"), err.toString());
    }

    @Test
    void thePasswordIsSavedOnlyWhenTheGatewayAllowsIt() throws Exception {
        FileSecretStore secrets = new FileSecretStore(temp.resolve("secrets"));
        char[] password = "alice-password".toCharArray();
        TerminalPrompts refused = prompts(secrets, Optional.of(password), false);
        refused.savePassword(false);
        refused.close();
        assertEquals(Optional.empty(), secrets.get("lab", SecretKind.XAUTH_PASSWORD));
        assertArrayEquals(new char[password.length], password, "the copy is wiped");
        assertTrue(out.toString().contains("does not allow saving the password"), out.toString());

        TerminalPrompts allowed = prompts(secrets, Optional.of("alice-password".toCharArray()), false);
        allowed.savePassword(true);
        allowed.close();
        assertArrayEquals("alice-password".getBytes(StandardCharsets.UTF_8),
                secrets.get("lab", SecretKind.XAUTH_PASSWORD).orElseThrow().bytes());
        assertTrue(out.toString().contains("Password saved"), out.toString());
    }

    @Test
    void withoutTheOptionAPermittingGatewayIsOnlyMentioned() throws Exception {
        FileSecretStore secrets = new FileSecretStore(temp.resolve("secrets"));
        TerminalPrompts prompts = prompts(secrets, Optional.empty(), false);
        prompts.savePassword(true);
        prompts.close();
        assertEquals(Optional.empty(), secrets.get("lab", SecretKind.XAUTH_PASSWORD));
        assertTrue(out.toString().contains("--save-password"), out.toString());
    }

    /** Records answers; everything else is unused. */
    private static final class AnswerRecorder implements VpnEngine {
        final BlockingQueue<Map.Entry<String, Map<CredentialKind, char[]>>> answers = new ArrayBlockingQueue<>(4);

        @Override
        public void answer(String promptId, Map<CredentialKind, char[]> values) {
            answers.add(Map.entry(promptId, values));
        }

        @Override
        public void connect(ConnectRequest request, EngineListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void disconnect() {
        }

        @Override
        public Attachment attach(dev.roadwarrior.engine.api.ConnectionObserver observer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConnectionState state() {
            return ConnectionState.DISCONNECTED;
        }

        @Override
        public Optional<ConnectionStatistics> statistics() {
            return Optional.empty();
        }

        @Override
        public CompletableFuture<Void> terminated() {
            return CompletableFuture.completedFuture(null);
        }
    }
}
