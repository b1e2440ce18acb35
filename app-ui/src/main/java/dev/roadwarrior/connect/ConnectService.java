package dev.roadwarrior.connect;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.EngineListener;
import dev.roadwarrior.engine.api.VpnEngine;
import dev.roadwarrior.engine.ike.auth.CertificateFiles;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.ProfileValidator;
import dev.roadwarrior.profiles.model.Authentication;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way to connect with a stored profile, for the CLI and the desktop app alike: loads the
 * profile and its secrets from the secret store, validates it, asks the user (through
 * {@link UserInteraction}) for what is missing (user name, password, key passphrase), builds the
 * engine's request, starts the engine, and then answers the gateway's prompts and keeps the
 * password when the user asked and the gateway allows it ({@link ConnectSession}).
 *
 * <p>It remembers, per profile and for its own lifetime, whether the gateway refused saving the
 * password, so that a later prompt offers no "save password" choice.
 *
 * <p>Threading: {@link #prepare} may block in {@link UserInteraction#ask}; call it off the UI
 * thread. Safe for use from several threads.
 */
public final class ConnectService {

    private final ProfileLibrary library;
    private final Map<String, Boolean> savePermission = new ConcurrentHashMap<>();

    public ConnectService(ProfileLibrary library) {
        this.library = Objects.requireNonNull(library, "library");
    }

    /** Whether the stored profile {@code name} has its kill switch on; false when it cannot be read. */
    public boolean killSwitch(String name) {
        try {
            return library.load(name).killSwitch();
        } catch (ProfileException e) {
            return false;
        }
    }

    /** A request ready for the engine, with what the session needs to know about it. */
    public static final class Prepared {
        private final ConnectRequest request;
        private final boolean passwordFromStore;
        private final Optional<char[]> passwordToSave;

        private Prepared(ConnectRequest request, boolean passwordFromStore, Optional<char[]> passwordToSave) {
            this.request = request;
            this.passwordFromStore = passwordFromStore;
            this.passwordToSave = passwordToSave;
        }

        /** The profile name. */
        public String profile() {
            return request.name();
        }

        /** The gateway as the profile names it. */
        public String gateway() {
            return request.gatewayHost();
        }

        ConnectRequest request() {
            return request;
        }

        boolean passwordFromStore() {
            return passwordFromStore;
        }

        Optional<char[]> passwordToSave() {
            return passwordToSave;
        }
    }

    /**
     * Loads, validates and completes the request for profile {@code name}; asks {@code user} for
     * a missing user name, password or key passphrase.
     *
     * @throws ConnectFailure when the profile is unknown or unusable, a value is missing and the
     *     user cannot be asked, or the user cancelled (in words)
     */
    public Prepared prepare(String name, ConnectOptions options, UserInteraction user) throws ConnectFailure {
        Optional<char[]> password = options.password();
        Optional<char[]> keyPassphrase = options.keyPassphrase();
        byte[] psk = new byte[0];
        try {
            Profile profile = library.load(name);
            Map<SecretKind, Secret> secrets = library.secretsOf(name);
            Optional<Secret> group = Optional.ofNullable(secrets.get(SecretKind.GROUP_PASSWORD));
            ProfileValidator.validateForConnect(profile, group);
            if (keyPassphrase.isEmpty()) {
                keyPassphrase = keyPassphrase(profile, secrets, options, user);
            }
            Optional<String> userName = options.username().or(profile::savedUsername);
            boolean fromStore = false;
            boolean save = options.savePassword();
            if (profile.authentication().method().usesXauth()) {
                if (password.isEmpty() && secrets.containsKey(SecretKind.XAUTH_PASSWORD)) {
                    password = secrets.get(SecretKind.XAUTH_PASSWORD).text().map(String::toCharArray);
                    fromStore = password.isPresent();
                }
                if (password.isEmpty() || userName.isEmpty()) {
                    PromptAnswer answer = ask(user, options, loginPrompt(name, userName));
                    userName = Optional.ofNullable(answer.values().get(PromptField.USER_NAME)).map(String::new)
                            .filter(u -> !u.isEmpty()).or(() -> knownUser(profile, options));
                    password = Optional.ofNullable(answer.values().get(PromptField.PASSWORD));
                    save |= answer.savePassword();
                }
                if (userName.isEmpty() || password.isEmpty()) {
                    throw new ConnectFailure(ErrorMessages.text("connect.needCredentials"), true, null);
                }
            }
            psk = group.map(Secret::bytes).orElse(new byte[0]);
            Optional<char[]> toSave = save && !fromStore ? password.map(char[]::clone) : Optional.empty();
            ConnectRequest request = ConnectRequests.of(profile, psk, userName, password, keyPassphrase);
            return new Prepared(request, fromStore, toSave);
        } catch (ProfileException e) {
            wipe(password, keyPassphrase, psk);
            throw new ConnectFailure(ErrorMessages.describe(e), e.reason().isBadInput(), e);
        } catch (IllegalArgumentException e) {
            wipe(password, keyPassphrase, psk);
            throw new ConnectFailure(e.getMessage(), true, e);
        } catch (ConnectFailure e) {
            wipe(password, keyPassphrase, psk);
            throw e;
        }
    }

    private static Optional<String> knownUser(Profile profile, ConnectOptions options) {
        return options.username().or(profile::savedUsername);
    }

    /**
     * Starts the engine with a prepared request; the session answers the gateway's prompts
     * through {@code user} and hands every event to {@code listener}. Close the session when the
     * caller is done with the connection (it stays up in the service).
     *
     * @throws ConnectFailure when the engine refuses (another connection runs, the service cannot use the profile)
     */
    public ConnectSession start(VpnEngine engine, Prepared prepared, UserInteraction user, EngineListener listener)
            throws ConnectFailure {
        ConnectSession session = new ConnectSession(engine, library.secrets(), prepared.profile(), user, listener,
                prepared.passwordToSave(), prepared.passwordFromStore(), savePermission);
        try {
            engine.connect(prepared.request(), session);
        } catch (IllegalStateException | IllegalArgumentException e) {
            session.close();
            throw new ConnectFailure(ErrorMessages.describe(e), e instanceof IllegalArgumentException, e);
        }
        return session;
    }

    /** Whether a "save password" choice may be offered for {@code profile} (the gateway did not refuse it). */
    boolean mayOfferSave(String profile) {
        return savePermission.getOrDefault(profile, true);
    }

    private Prompt loginPrompt(String profile, Optional<String> userName) {
        Map<PromptField, String> known = new EnumMap<>(PromptField.class);
        userName.ifPresent(u -> known.put(PromptField.USER_NAME, u));
        return new Prompt(profile, List.of(PromptField.USER_NAME, PromptField.PASSWORD), known,
                ErrorMessages.format("prompt.login", profile), "", "", mayOfferSave(profile));
    }

    private static Optional<char[]> keyPassphrase(Profile profile, Map<SecretKind, Secret> secrets,
            ConnectOptions options, UserInteraction user) throws ConnectFailure {
        Authentication auth = profile.authentication();
        if (!auth.method().needsClientCertificate()) {
            return Optional.empty();
        }
        for (SecretKind kind : List.of(SecretKind.CLIENT_KEY_PASSPHRASE, SecretKind.CLIENT_CERTIFICATE_PASSPHRASE)) {
            Optional<String> stored = Optional.ofNullable(secrets.get(kind)).flatMap(Secret::text);
            if (stored.isPresent()) {
                return Optional.of(stored.get().toCharArray());
            }
        }
        byte[] certificate = auth.clientCertificate().map(CertificateFile::data).orElse(new byte[0]);
        byte[] key = auth.clientKey().map(CertificateFile::data).orElse(new byte[0]);
        if (!CertificateFiles.needsPassphrase(certificate, key)) {
            return Optional.empty();
        }
        String file = auth.clientKey().map(CertificateFile::name).filter(n -> !n.isEmpty())
                .orElse(ErrorMessages.text("prompt.theKey"));
        Prompt prompt = new Prompt(profile.name(), List.of(PromptField.KEY_PASSPHRASE), Map.of(),
                ErrorMessages.format("prompt.keyPassphrase", file), "", "", false);
        if (!options.canAsk()) {
            throw new ConnectFailure(ErrorMessages.format("connect.needKeyPassphrase", profile.name()), true, null);
        }
        return Optional.ofNullable(ask(user, options, prompt).values().get(PromptField.KEY_PASSPHRASE));
    }

    private static PromptAnswer ask(UserInteraction user, ConnectOptions options, Prompt prompt) throws ConnectFailure {
        if (!options.canAsk()) {
            throw new ConnectFailure(ErrorMessages.text("connect.needCredentials"), true, null);
        }
        return user.ask(prompt).orElseThrow(() -> new ConnectFailure(ErrorMessages.text("connect.cancelled"), false,
                null));
    }

    private static void wipe(Optional<char[]> password, Optional<char[]> keyPassphrase, byte[] psk) {
        password.ifPresent(p -> java.util.Arrays.fill(p, '\0'));
        keyPassphrase.ifPresent(p -> java.util.Arrays.fill(p, '\0'));
        java.util.Arrays.fill(psk, (byte) 0);
    }
}
