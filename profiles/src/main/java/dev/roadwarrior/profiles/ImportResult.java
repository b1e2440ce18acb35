package dev.roadwarrior.profiles;

import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an import read: the profile, its secrets (kept apart from it) and the warnings to show.
 *
 * @param profile the profile
 * @param secrets the secrets found in the file (group password; a .pcf may carry an XAuth password)
 * @param warnings things the user should know; the import still succeeded
 */
public record ImportResult(Profile profile, Map<SecretKind, Secret> secrets, List<ProfileWarning> warnings) {

    public ImportResult {
        Objects.requireNonNull(profile, "profile");
        Map<SecretKind, Secret> copy = new EnumMap<>(SecretKind.class);
        copy.putAll(secrets);
        secrets = Map.copyOf(copy);
        warnings = List.copyOf(warnings);
    }
}
