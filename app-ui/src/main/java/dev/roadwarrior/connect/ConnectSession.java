package dev.roadwarrior.connect;

import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.engine.api.EngineListener;
import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import dev.roadwarrior.profiles.secrets.SecretStore;
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
 * One connect started by {@link ConnectService#start}: the engine's listener. It hands every
 * event to the caller's listener, and on its own thread ({@code rw-connect}, so the engine's
 * thread never blocks) asks the user the gateway's prompts and answers them (a cancelled prompt
 * disconnects), and keeps the XAuth password in the secret store only when the user asked and
 * the gateway allows it (Unity SAVE_PASSWD).
 *
 * <p>Threading: {@link #onEvent} on the engine's thread; the rest on the worker.
 */
public final class ConnectSession implements EngineListener, AutoCloseable {

    private static final int CLOSE_WAIT_SECONDS = 2;

    private final VpnEngine engine;
    private final SecretStore secrets;
    private final String profile;
    private final UserInteraction user;
    private final EngineListener listener;
    private final boolean passwordFromStore;
    private final Map<String, Boolean> savePermission;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rw-connect");
        t.setDaemon(true);
        return t;
    });
    private char[] passwordToSave;
    private boolean saveAsked;

    ConnectSession(VpnEngine engine, SecretStore secrets, String profile, UserInteraction user,
            EngineListener listener, Optional<char[]> passwordToSave, boolean passwordFromStore,
            Map<String, Boolean> savePermission) {
        this.engine = engine;
        this.secrets = secrets;
        this.profile = profile;
        this.user = user;
        this.listener = listener;
        this.passwordToSave = passwordToSave.orElse(null);
        this.saveAsked = passwordToSave.isPresent();
        this.passwordFromStore = passwordFromStore;
        this.savePermission = savePermission;
    }

    @Override
    public void onEvent(EngineEvent event) {
        if (event instanceof EngineEvent.CredentialsRequired c) {
            worker.execute(() -> answer(c));
        } else if (event instanceof EngineEvent.SavePassword s) {
            worker.execute(() -> savePassword(s.allowed()));
        }
        listener.onEvent(event);
    }

    private void answer(EngineEvent.CredentialsRequired c) {
        boolean asksPassword = c.fields().contains(CredentialKind.PASSWORD);
        Prompt prompt = new Prompt(profile, c.fields().stream().map(PromptField::of).toList(), Map.of(),
                ErrorMessages.promptIntro(c), c.message(), c.challenge(),
                asksPassword && savePermission.getOrDefault(profile, true));
        Optional<PromptAnswer> answer = user.ask(prompt);
        if (answer.isEmpty()) {
            engine.disconnect();
            return;
        }
        Map<CredentialKind, char[]> values = new EnumMap<>(CredentialKind.class);
        answer.get().values().forEach((field, value) -> field.credentialKind().ifPresent(k -> values.put(k, value)));
        char[] password = values.get(CredentialKind.PASSWORD);
        if (answer.get().savePassword() && password != null) {
            wipe();
            passwordToSave = password.clone();
            saveAsked = true;
        }
        engine.answer(c.promptId(), values);
    }

    private void savePassword(boolean allowed) {
        savePermission.put(profile, allowed);
        try {
            if (allowed && passwordToSave != null) {
                byte[] bytes = utf8(passwordToSave);
                try {
                    secrets.put(profile, SecretKind.XAUTH_PASSWORD, Secret.of(bytes));
                } finally {
                    Arrays.fill(bytes, (byte) 0);
                }
                user.inform(ErrorMessages.text("password.saved"));
            } else if (allowed && !passwordFromStore && !saveAsked) {
                user.inform(ErrorMessages.text("password.mayBeSaved"));
            } else if (!allowed && saveAsked) {
                user.inform(ErrorMessages.text("password.notAllowed"));
            }
        } catch (ProfileException e) {
            user.inform(ErrorMessages.describe(e));
        } finally {
            wipe();
        }
    }

    /**
     * Wipes the password copy and stops the worker after pending work, waiting for it up to
     * {@value #CLOSE_WAIT_SECONDS} s (a prompt still open is abandoned).
     */
    @Override
    public void close() {
        worker.execute(this::wipe);
        worker.shutdown();
        try {
            worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void wipe() {
        if (passwordToSave != null) {
            Arrays.fill(passwordToSave, '\0');
            passwordToSave = null;
        }
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = Arrays.copyOf(b.array(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return bytes;
    }
}
