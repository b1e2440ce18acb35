package dev.roadwarrior.ui.common;

import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.ProfileNames;
import dev.roadwarrior.profiles.ProfileValidator;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.io.ShrewVpnExporter;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profile operations of the desktop app on top of {@link ProfileLibrary}: the list with a
 * summary per profile, import, duplicate, rename, delete, export, and saving an edited profile
 * with its secrets. A rename or duplicate moves or copies the secrets with the profile.
 *
 * <p>Threading: blocking file and keyring work; call it off the FX thread. Not synchronised: the
 * app runs its calls on one background thread.
 */
public final class ProfileService {

    /** One profile as the main window lists it. */
    public record Entry(String name, String host, String method, Optional<String> problem) {
    }

    private final ProfileLibrary library;

    public ProfileService(ProfileLibrary library) {
        this.library = library;
    }

    public ProfileLibrary library() {
        return library;
    }

    /** All profiles, sorted by name; a profile that cannot connect says why in {@link Entry#problem()}. */
    public List<Entry> list() throws ProfileException {
        List<Entry> out = new ArrayList<>();
        for (String name : library.profiles().names()) {
            try {
                Profile p = library.load(name);
                Optional<Secret> group = library.secrets().get(name, SecretKind.GROUP_PASSWORD);
                Optional<String> problem = ProfileValidator.problems(p, group).stream().findFirst()
                        .map(UiText::failure);
                out.add(new Entry(name, p.gateway().host(), UiText.label(p.authentication().method()), problem));
            } catch (ProfileException e) {
                out.add(new Entry(name, "", "", Optional.of(UiText.failure(e))));
            }
        }
        return out;
    }

    /** Reads and stores a file as a new profile; see {@link ProfileLibrary#importFile}. */
    public ImportResult importFile(Path file, Optional<String> name) throws ProfileException {
        return library.importFile(file, name);
    }

    /** A stored profile. */
    public Profile load(String name) throws ProfileException {
        return library.load(name);
    }

    /** The stored secrets of a profile. */
    public Map<SecretKind, Secret> secrets(String name) throws ProfileException {
        return library.secretsOf(name);
    }

    /** Whether a profile of that name exists. */
    public boolean exists(String name) {
        return library.profiles().exists(name);
    }

    /** A copy of {@code name} with its secrets under the first free name "name (copy)", "name (copy 2)", ... */
    public String duplicate(String name) throws ProfileException {
        Profile p = library.load(name);
        String copy = UiText.get("profile.copyName", name);
        for (int i = 2; exists(copy) || !ProfileNames.isValid(copy); i++) {
            copy = UiText.get("profile.copyNameN", name, i);
            if (i > 999) {
                throw ProfileException.of(Reason.NAME_CLASH, copy);
            }
        }
        library.profiles().create(p.withName(copy));
        copySecrets(name, copy);
        return copy;
    }

    /** Renames a profile and moves its secrets; {@link Reason#INVALID_NAME} or NAME_CLASH for a bad new name. */
    public void rename(String name, String newName) throws ProfileException {
        ProfileNames.validate(newName);
        if (name.equals(newName)) {
            return;
        }
        if (exists(newName)) {
            throw ProfileException.of(Reason.NAME_CLASH, newName);
        }
        Profile p = library.load(name);
        library.profiles().create(p.withName(newName));
        copySecrets(name, newName);
        library.delete(name);
    }

    /** Deletes a profile and its secrets. */
    public void delete(String name) throws ProfileException {
        library.delete(name);
    }

    /** Writes a profile as a Shrew .vpn file (with its group password, mode 0600). */
    public void export(String name, Path file) throws ProfileException {
        library.exportVpn(name, file, ShrewVpnExporter.LineEnding.LF);
    }

    /**
     * Saves an edited profile. When {@code previousName} differs from the profile's name the profile
     * is renamed (the new name must be free). Secrets: a present value is stored, an empty one
     * removed, a kind not in the map left as it is.
     */
    public void save(Profile profile, Optional<String> previousName, Map<SecretKind, Optional<Secret>> secrets)
            throws ProfileException {
        String name = profile.name();
        ProfileNames.validate(name);
        boolean renamed = previousName.isPresent() && !previousName.get().equals(name);
        if (previousName.isEmpty() || renamed) {
            library.profiles().create(profile);
        } else {
            library.profiles().save(profile);
        }
        if (renamed) {
            copySecrets(previousName.get(), name);
            library.delete(previousName.get());
        }
        for (Map.Entry<SecretKind, Optional<Secret>> e : secrets.entrySet()) {
            if (e.getValue().isPresent()) {
                library.secrets().put(name, e.getKey(), e.getValue().get());
            } else {
                library.secrets().remove(name, e.getKey());
            }
        }
    }

    private void copySecrets(String from, String to) throws ProfileException {
        for (Map.Entry<SecretKind, Secret> e : library.secretsOf(from).entrySet()) {
            library.secrets().put(to, e.getKey(), e.getValue());
        }
    }
}
