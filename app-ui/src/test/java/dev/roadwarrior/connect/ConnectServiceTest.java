package dev.roadwarrior.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.daemon.FakeEngine;
import dev.roadwarrior.daemon.TestProfiles;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.EngineEvent;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.io.ProfileStore;
import dev.roadwarrior.profiles.secrets.FileSecretStore;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connect service shared by the CLI and the app: secrets from the store, prompts, saving the password. */
class ConnectServiceTest {

    @TempDir
    Path temp;

    private ProfileLibrary library;
    private ConnectService service;
    private final FakeEngine engine = new FakeEngine();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final List<Prompt> asked = new CopyOnWriteArrayList<>();

    /** Answers each prompt with {@code password} for the password, and records what it is told. */
    private UserInteraction user(String password, boolean save) {
        return new UserInteraction() {
            @Override
            public Optional<PromptAnswer> ask(Prompt prompt) {
                asked.add(prompt);
                return Optional.of(new PromptAnswer(Map.of(PromptField.PASSWORD, password.toCharArray()), save));
            }

            @Override
            public void inform(String sentence) {
                told.add(sentence);
            }
        };
    }

    @BeforeEach
    void setUp() throws Exception {
        library = new ProfileLibrary(new ProfileStore(temp.resolve("profiles")),
                new FileSecretStore(temp.resolve("secrets")));
        library.store(TestProfiles.lab(temp));
        service = new ConnectService(library);
    }

    @Test
    void theStoredSecretsMakeTheRequestWithoutAsking() throws Exception {
        library.secrets().put("lab", SecretKind.XAUTH_PASSWORD, Secret.ofText("stored-pw"));
        ConnectService.Prepared p = service.prepare("lab", ConnectOptions.NONE, user("x", false));
        ConnectRequest.Credentials c = p.request().credentials();
        assertEquals("alice", c.xauthUser().orElseThrow());
        assertEquals("stored-pw", new String(c.xauthPassword().orElseThrow()));
        assertArrayEquals(TestProfiles.GROUP_PASSWORD.getBytes(StandardCharsets.UTF_8), c.preSharedKey());
        assertEquals("203.0.113.2", p.gateway());
        assertTrue(asked.isEmpty());
    }

    @Test
    void withoutAWayToAskAMissingPasswordIsAnErrorInWords() {
        ConnectOptions noTerminal = new ConnectOptions(Optional.empty(), Optional.empty(), Optional.empty(), false, false);
        ConnectFailure e = assertThrows(ConnectFailure.class, () -> service.prepare("lab", noTerminal, user("x", false)));
        assertEquals(ErrorMessages.text("connect.needCredentials"), e.getMessage());
        assertTrue(e.badInput());
        ConnectFailure unknown = assertThrows(ConnectFailure.class,
                () -> service.prepare("nope", ConnectOptions.NONE, user("x", false)));
        assertTrue(unknown.badInput());
        assertTrue(unknown.getMessage().contains("nope"), unknown.getMessage());
    }

    @Test
    void thePasswordIsKeptOnlyWhenTheUserAskedAndTheGatewayAllows() throws Exception {
        ConnectService.Prepared refused = service.prepare("lab", ConnectOptions.NONE, user("typed-pw", true));
        assertEquals(List.of(PromptField.USER_NAME, PromptField.PASSWORD), asked.get(0).fields());
        assertTrue(asked.get(0).offerSavePassword(), "nothing known about the gateway yet");
        try (ConnectSession session = service.start(engine, refused, user("x", false), e -> { })) {
            engine.emit(new EngineEvent.SavePassword(false));
            engine.emit(new EngineEvent.Disconnected());
        }
        assertEquals(Optional.empty(), library.secrets().get("lab", SecretKind.XAUTH_PASSWORD));
        assertEquals(List.of(ErrorMessages.text("password.notAllowed")), told);
        service.prepare("lab", ConnectOptions.NONE, user("again", true)).request().credentials().destroy();
        assertTrue(!asked.get(1).offerSavePassword(), "the gateway refused: no choice offered");

        ConnectService fresh = new ConnectService(library);
        ConnectService.Prepared allowed = fresh.prepare("lab", ConnectOptions.NONE, user("typed-pw", true));
        try (ConnectSession session = fresh.start(engine, allowed, user("x", false), e -> { })) {
            engine.emit(new EngineEvent.SavePassword(true));
            engine.emit(new EngineEvent.Disconnected());
        }
        assertEquals("typed-pw", library.secrets().get("lab", SecretKind.XAUTH_PASSWORD).orElseThrow().text().orElseThrow());
        assertEquals(ErrorMessages.text("password.saved"), told.get(told.size() - 1));
    }

    @Test
    void aSecondConnectIsRefusedInWords() throws Exception {
        library.secrets().put("lab", SecretKind.XAUTH_PASSWORD, Secret.ofText("stored-pw"));
        service.start(engine, service.prepare("lab", ConnectOptions.NONE, user("x", false)), user("x", false), e -> { });
        ConnectFailure busy = assertThrows(ConnectFailure.class, () -> service.start(engine,
                service.prepare("lab", ConnectOptions.NONE, user("x", false)), user("x", false), e -> { }));
        assertEquals(ErrorMessages.text("connect.busy"), busy.getMessage());
    }
}
