package dev.roadwarrior.connect;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A question to the user during a connect: the fields to fill, with what is already known
 * (e.g. the saved user name), and the words around it.
 *
 * @param profile the profile being connected
 * @param fields what to ask for, in order, never empty
 * @param known values already known for some fields (never secrets), shown pre-filled
 * @param intro why the user is asked, in words (e.g. "The gateway asks for the password again; ...")
 * @param message the gateway's own text (XAUTH_MESSAGE), may be empty
 * @param challenge the gateway's challenge, may be empty
 * @param offerSavePassword whether a "save password" choice may be offered: the prompt asks for
 *     the XAuth password and the gateway has not refused saving it (it says so only after the
 *     password was sent; when it refuses, the password is not kept whatever the user chose)
 */
public record Prompt(String profile, List<PromptField> fields, Map<PromptField, String> known, String intro,
        String message, String challenge, boolean offerSavePassword) {

    public Prompt {
        Objects.requireNonNull(profile, "profile");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one field");
        }
        known = Map.copyOf(known);
        intro = Objects.requireNonNullElse(intro, "");
        message = Objects.requireNonNullElse(message, "");
        challenge = Objects.requireNonNullElse(challenge, "");
    }
}
