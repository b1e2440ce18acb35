package dev.roadwarrior.profiles.secrets;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.io.SecureFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Secrets in one JSON file that only the user can read (mode 0600 in a 0700 directory), for
 * machines without an OS keyring and for {@code ROADWARRIOR_HOME} setups.
 *
 * <p><b>Protection.</b> Values are base64-encoded, which only keeps them from being read at a
 * glance or found with grep; the protection is the file mode, as with {@code ~/.netrc} or
 * NetworkManager's connection files. Anyone who can read the user's files can read the secrets.
 *
 * <p>Format: {@code {"schemaVersion":1,"profiles":{"<name>":{"group-password":"<base64>"}}}}.
 * Writes replace the file atomically, under an exclusive lock on {@code <file>.lock}, so two
 * processes do not lose each other's changes.
 */
public final class FileSecretStore implements SecretStore {

    private static final int SCHEMA_VERSION = 1;
    /** One lock for the JVM: file locks only exclude other processes, not other threads. */
    private static final Object JVM_LOCK = new Object();

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper();

    /** A store in {@code file}, which need not exist yet. */
    public FileSecretStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The secrets file. */
    public Path file() {
        return file;
    }

    @Override
    public Optional<Secret> get(String profile, SecretKind kind) throws ProfileException {
        JsonNode value = read().path("profiles").path(profile).path(kind.id());
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Secret.of(Base64.getDecoder().decode(value.asText())));
        } catch (IllegalArgumentException e) {
            throw failure("a stored value is damaged", null);
        }
    }

    @Override
    public void put(String profile, SecretKind kind, Secret secret) throws ProfileException {
        update(root -> profiles(root).withObjectProperty(profile).put(kind.id(),
                Base64.getEncoder().encodeToString(secret.bytes())));
    }

    @Override
    public void remove(String profile, SecretKind kind) throws ProfileException {
        if (Files.exists(file)) {
            update(root -> {
                ObjectNode all = profiles(root);
                if (all.get(profile) instanceof ObjectNode entry) {
                    entry.remove(kind.id());
                    if (entry.isEmpty()) {
                        all.remove(profile);
                    }
                }
            });
        }
    }

    @Override
    public String describe() {
        return "the file " + file;
    }

    private interface Change {
        void apply(ObjectNode root);
    }

    private void update(Change change) throws ProfileException {
        synchronized (JVM_LOCK) {
            updateLocked(change);
        }
    }

    private void updateLocked(Change change) throws ProfileException {
        try {
            SecureFiles.createPrivateDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            try (FileChannel lockChannel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    SecureFiles.privateFileAttributes(lockFile));
                    FileLock lock = lockChannel.lock()) {
                ObjectNode root = read();
                root.put("schemaVersion", SCHEMA_VERSION);
                change.apply(root);
                byte[] json = mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
                SecureFiles.writeAtomically(file, out -> out.write(json));
            }
        } catch (IOException e) {
            throw failure(SecureFiles.describe(e), e);
        }
    }

    private ObjectNode read() throws ProfileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return mapper.createObjectNode();
        } catch (IOException e) {
            throw failure(SecureFiles.describe(e), e);
        }
        try {
            // Parse errors are not passed on: their text could quote part of a secret.
            if (mapper.readTree(bytes) instanceof ObjectNode root
                    && root.path("schemaVersion").asInt(-1) == SCHEMA_VERSION) {
                return root;
            }
        } catch (JacksonException e) {
            throw failure(file + " is not valid JSON", null);
        } catch (IOException e) {
            throw failure(SecureFiles.describe(e), e);
        }
        throw failure(file + " is not a secrets file of schema version " + SCHEMA_VERSION, null);
    }

    private static ObjectNode profiles(ObjectNode root) {
        return root.withObjectProperty("profiles");
    }

    private ProfileException failure(String detail, Throwable cause) {
        return ProfileException.caused(Reason.SECRET_STORE_FAILED, null, cause, detail);
    }
}
