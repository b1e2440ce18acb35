package dev.roadwarrior.profiles;

import dev.roadwarrior.profiles.io.PcfImporter;
import dev.roadwarrior.profiles.io.ProfileStore;
import dev.roadwarrior.profiles.io.SecureFiles;
import dev.roadwarrior.profiles.io.ShrewVpnExporter;
import dev.roadwarrior.profiles.io.ShrewVpnImporter;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import dev.roadwarrior.profiles.secrets.SecretStore;
import dev.roadwarrior.profiles.secrets.SecretStores;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The profiles of one user: the {@link ProfileStore} (settings) and the {@link SecretStore}
 * (passwords) together, with import, export and delete as the CLI and the UI use them.
 *
 * <p>Import never touches what is stored unless it succeeds as a whole: the file is parsed
 * completely first, a name clash is refused, and if storing the secrets or the profile fails,
 * the secrets written so far are removed again.
 */
public final class ProfileLibrary {

    private final ProfileStore profiles;
    private final SecretStore secrets;

    public ProfileLibrary(ProfileStore profiles, SecretStore secrets) {
        this.profiles = profiles;
        this.secrets = secrets;
    }

    /** The library at {@code paths}, with the secret store {@link SecretStores#choose} picks. */
    public static ProfileLibrary open(RoadwarriorPaths paths, Map<String, String> env) {
        return new ProfileLibrary(new ProfileStore(paths.profilesDir()), SecretStores.choose(paths, env));
    }

    /** The library of this process's user ({@link RoadwarriorPaths#fromEnvironment()}). */
    public static ProfileLibrary open() {
        return open(RoadwarriorPaths.fromEnvironment(), System.getenv());
    }

    public ProfileStore profiles() {
        return profiles;
    }

    public SecretStore secrets() {
        return secrets;
    }

    /**
     * Parses a {@code .pcf} (by its extension) or {@code .vpn} file without storing anything.
     *
     * @param name the profile name; empty to take the file name cut at its first dot
     */
    public static ImportResult read(Path file, Optional<String> name) throws ProfileException {
        String profileName = name.orElseGet(() -> ProfileNames.fromFileName(file));
        ProfileNames.validate(profileName);
        boolean pcf = file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pcf");
        return pcf ? PcfImporter.read(file, profileName) : ShrewVpnImporter.read(file, profileName);
    }

    /** Parses and stores a file as a new profile; see {@link #read} and {@link #store}. */
    public ImportResult importFile(Path file, Optional<String> name) throws ProfileException {
        ImportResult result = read(file, name);
        store(result);
        return result;
    }

    /**
     * Stores an import result as a new profile with its secrets; {@link Reason#NAME_CLASH} if the
     * name is taken. Secrets left behind under that name by an earlier profile are removed.
     */
    public void store(ImportResult result) throws ProfileException {
        String name = result.profile().name();
        ProfileNames.validate(name);
        if (profiles.exists(name)) {
            throw ProfileException.of(Reason.NAME_CLASH, name);
        }
        List<SecretKind> written = new ArrayList<>();
        try {
            for (Map.Entry<SecretKind, Secret> e : result.secrets().entrySet()) {
                written.add(e.getKey());
                secrets.put(name, e.getKey(), e.getValue());
            }
            profiles.create(result.profile());
        } catch (ProfileException e) {
            for (SecretKind k : written) {
                try {
                    secrets.remove(name, k);
                } catch (ProfileException ignored) {
                    // the original failure is the one to report
                }
            }
            throw e;
        }
        for (SecretKind k : SecretKind.values()) {
            if (!result.secrets().containsKey(k)) {
                secrets.remove(name, k);
            }
        }
    }

    /** Loads a profile; {@link Reason#UNKNOWN_PROFILE} when there is none. */
    public Profile load(String name) throws ProfileException {
        return profiles.load(name);
    }

    /** The stored secrets of a profile. */
    public Map<SecretKind, Secret> secretsOf(String name) throws ProfileException {
        return secrets.getAll(name);
    }

    /**
     * Writes a stored profile as a Shrew {@code .vpn} file, group password included, replacing
     * {@code target} atomically with mode 0600 (the file holds the password).
     */
    public void exportVpn(String name, Path target, ShrewVpnExporter.LineEnding lineEnding) throws ProfileException {
        Profile p = profiles.load(name);
        byte[] content = ShrewVpnExporter.export(p, secrets.get(name, SecretKind.GROUP_PASSWORD), lineEnding);
        try {
            SecureFiles.writeAtomically(target, out -> out.write(content));
        } catch (IOException e) {
            throw ProfileException.caused(Reason.WRITE_FAILED, null, e, SecureFiles.describe(e));
        }
    }

    /** Deletes a profile and its secrets; {@link Reason#UNKNOWN_PROFILE} when there is none. */
    public void delete(String name) throws ProfileException {
        profiles.delete(name);
        secrets.removeAll(name);
    }
}
