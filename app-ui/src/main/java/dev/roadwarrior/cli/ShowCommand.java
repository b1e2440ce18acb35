package dev.roadwarrior.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileValidator;
import dev.roadwarrior.profiles.io.ProfileJson;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code roadwarrior show NAME [--json] [--reveal-secrets]}: the profile's settings, and what
 * stops it from connecting (for example a template placeholder as host).
 *
 * <p>Secrets are shown as {@code (stored)}, in the summary and in JSON alike, unless
 * {@code --reveal-secrets} is given; secrets that are not stored are left out.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Show a profile.",
            "Stored passwords appear as (stored) unless --reveal-secrets is given."})
final class ShowCommand implements Callable<Integer> {

    /** What a secret looks like when it is not revealed. */
    static final String HIDDEN = "(stored)";

    @Mixin
    NamedProfile target;

    @Option(names = "--json", description = "print the whole profile as JSON")
    boolean json;

    @Option(names = "--reveal-secrets", description = "print stored passwords in clear")
    boolean reveal;

    @Override
    public Integer call() {
        return target.run((library, out) -> {
            Profile p = library.load(target.name);
            Map<SecretKind, Secret> secrets = library.secretsOf(target.name);
            List<ProfileException> problems = ProfileValidator.problems(p,
                    Optional.ofNullable(secrets.get(SecretKind.GROUP_PASSWORD)));
            if (json) {
                out.println(ProfileJson.toText(toJson(p, secrets, problems)));
            } else {
                new ProfileSummary(out, secrets, reveal).print(p, problems);
            }
            return RoadwarriorCommand.OK;
        });
    }

    private ObjectNode toJson(Profile p, Map<SecretKind, Secret> secrets, List<ProfileException> problems) {
        ObjectNode root = ProfileJson.toTree(p);
        ObjectNode s = root.putObject("secrets");
        for (SecretKind k : SecretKind.values()) {
            Secret value = secrets.get(k);
            if (value != null) {
                s.put(jsonName(k), reveal ? revealed(value) : HIDDEN);
            }
        }
        ArrayNode list = root.putArray("problems");
        problems.forEach(e -> list.add(e.getMessage()));
        return root;
    }

    /** The secret as text, or as {@code base64:...} when it is not UTF-8 text. */
    static String revealed(Secret s) {
        return s.text().orElseGet(() -> "base64:" + Base64.getEncoder().encodeToString(s.bytes()));
    }

    /** {@code group-password} becomes {@code groupPassword}. */
    private static String jsonName(SecretKind k) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : k.id().toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
