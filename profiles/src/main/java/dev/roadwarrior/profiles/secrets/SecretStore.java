package dev.roadwarrior.profiles.secrets;

import dev.roadwarrior.profiles.ProfileException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where profile secrets live, apart from the profile JSON: the OS keyring ({@link SecretToolStore})
 * or a private file ({@link FileSecretStore}); {@link SecretStores#choose} picks one.
 *
 * <p>Contract: secrets are addressed by profile name and {@link SecretKind}; a stored secret
 * survives the process; a failure of the backing store is a {@link ProfileException} with reason
 * {@code SECRET_STORE_FAILED} and never includes the secret. Implementations are safe to use from
 * several threads; two processes writing at the same time must not lose each other's writes.
 */
public interface SecretStore {

    /** The secret of that kind for that profile, or empty. */
    Optional<Secret> get(String profile, SecretKind kind) throws ProfileException;

    /** Stores or replaces a secret. */
    void put(String profile, SecretKind kind, Secret secret) throws ProfileException;

    /** Removes a secret; nothing happens when there is none. */
    void remove(String profile, SecretKind kind) throws ProfileException;

    /** Where the secrets go, in words for the user (never contains a secret). */
    String describe();

    /** All secrets of a profile. */
    default Map<SecretKind, Secret> getAll(String profile) throws ProfileException {
        Map<SecretKind, Secret> all = new EnumMap<>(SecretKind.class);
        for (SecretKind k : SecretKind.values()) {
            Optional<Secret> s = get(profile, k);
            if (s.isPresent()) {
                all.put(k, s.get());
            }
        }
        return all;
    }

    /** Removes every secret of a profile. */
    default void removeAll(String profile) throws ProfileException {
        for (SecretKind k : SecretKind.values()) {
            remove(profile, k);
        }
    }
}
