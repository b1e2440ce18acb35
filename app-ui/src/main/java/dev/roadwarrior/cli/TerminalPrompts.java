package dev.roadwarrior.cli;

import dev.roadwarrior.connect.EngineMessages;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import dev.roadwarrior.profiles.secrets.SecretStore;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What {@code connect} does for the engine's questions, on its own thread so that the engine's
 * listener never blocks: asks the gateway's XAuth prompts on the terminal and answers them (with
 * nothing when there is no terminal, which ends the connection in words), and keeps the XAuth
 * password in the secret store only when the gateway allows it (Unity SAVE_PASSWD).
 */
final class TerminalPrompts {

    private static final int CLOSE_WAIT_SECONDS = 2;

    private final VpnEngine engine;
    private final Console console;
    private final PrintWriter out;
    private final PrintWriter err;
    private final SecretStore secrets;
    private final String profile;
    private final boolean savedBefore;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rw-prompt");
        t.setDaemon(true);
        return t;
    });
    private char[] password;

    /**
     * @param console the terminal, or null when there is none
     * @param password the XAuth password to store if the user asked ({@code --save-password}) and
     *     the gateway allows it; this object wipes it
     * @param savedBefore whether the password came from the secret store
     */
    TerminalPrompts(VpnEngine engine, Console console, PrintWriter out, PrintWriter err, SecretStore secrets,
            String profile, Optional<char[]> password, boolean savedBefore) {
        this.engine = engine;
        this.console = console;
        this.out = out;
        this.err = err;
        this.secrets = secrets;
        this.profile = profile;
        this.password = password.orElse(null);
        this.savedBefore = savedBefore;
    }

    /** Asks the user (or, without a terminal, answers with nothing); returns at once. */
    void ask(EngineEvent.CredentialsRequired prompt) {
        worker.execute(() -> {
            Map<CredentialKind, char[]> values = new EnumMap<>(CredentialKind.class);
            if (console == null) {
                err.println("error: " + EngineMessages.noTerminal(prompt));
                err.flush();
            } else {
                console.writer().println(EngineMessages.promptIntro(prompt));
                for (CredentialKind kind : prompt.fields()) {
                    String label = EngineMessages.promptLabel(kind) + ": ";
                    char[] v = kind.secret() ? console.readPassword("%s", label)
                            : Optional.ofNullable(console.readLine("%s", label)).map(String::toCharArray).orElse(null);
                    if (v == null) {
                        break;
                    }
                    values.put(kind, v);
                }
            }
            engine.answer(prompt.promptId(), values);
        });
    }

    /** Acts on the gateway's SAVE_PASSWD answer; returns at once. */
    void savePassword(boolean allowed) {
        worker.execute(() -> {
            try {
                if (allowed && password != null) {
                    byte[] bytes = utf8(password);
                    try {
                        secrets.put(profile, SecretKind.XAUTH_PASSWORD, Secret.of(bytes));
                    } finally {
                        Arrays.fill(bytes, (byte) 0);
                    }
                    out.println("  " + EngineMessages.text("password.saved"));
                } else if (allowed && !savedBefore) {
                    out.println("  " + EngineMessages.text("password.mayBeSaved"));
                } else if (!allowed && password != null) {
                    out.println("  " + EngineMessages.text("password.notAllowed"));
                }
            } catch (ProfileException e) {
                err.println("warning: " + e.getMessage());
            } finally {
                wipe();
                out.flush();
                err.flush();
            }
        });
    }

    /**
     * Wipes the password copy and stops the thread after the pending work, waiting for it up to
     * {@value #CLOSE_WAIT_SECONDS} s (a prompt still waiting for input is abandoned at exit).
     */
    void close() {
        worker.execute(this::wipe);
        worker.shutdown();
        try {
            worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void wipe() {
        if (password != null) {
            Arrays.fill(password, '\0');
            password = null;
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = Arrays.copyOf(b.array(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return bytes;
    }
}
