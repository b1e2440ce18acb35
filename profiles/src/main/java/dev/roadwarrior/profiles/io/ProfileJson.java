package dev.roadwarrior.profiles.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.Profile;
import java.io.IOException;

/**
 * The JSON form of a profile: the record structure of {@link Profile} with a leading
 * {@code "schemaVersion": 1}. Enums are written by name, byte arrays (certificates) in base64,
 * addresses as {@code "10.0.0.1"}, networks as {@code "10.1.0.0/16"} ({@link AddressJsonModule}), absent
 * values as null.
 * Every property must be present on reading, so that a damaged or hand-edited file is reported
 * instead of silently taking defaults; the one exception is {@code killSwitch}, added to schema 1
 * later, which is false when absent. Secrets are not part of {@link Profile}, so never appear.
 */
public final class ProfileJson {

    /** The version written to, and accepted from, profile files. */
    public static final int SCHEMA_VERSION = 1;
    private static final String VERSION_FIELD = "schemaVersion";
    /** Added to schema 1 after profiles were written without it: absent means off. */
    private static final String KILL_SWITCH_FIELD = "killSwitch";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new AddressJsonModule())
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ProfileJson() {
    }

    /** The profile as a JSON tree, {@code schemaVersion} first. */
    public static ObjectNode toTree(Profile profile) {
        ObjectNode root = MAPPER.createObjectNode().put(VERSION_FIELD, SCHEMA_VERSION);
        root.setAll((ObjectNode) MAPPER.valueToTree(profile));
        return root;
    }

    /** Pretty-printed JSON text of any tree (used for {@code show --json}). */
    public static String toText(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }

    /** The bytes of a profile file. */
    public static byte[] toBytes(Profile profile) {
        try {
            return MAPPER.writeValueAsBytes(toTree(profile));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a profile always serialises", e);
        }
    }

    /**
     * Reads a profile file.
     *
     * @param source the file name for messages
     * @throws ProfileException {@link Reason#STORE_CORRUPT} or {@link Reason#UNSUPPORTED_SCHEMA}
     */
    public static Profile fromBytes(byte[] json, String source) throws ProfileException {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (!(root instanceof ObjectNode obj) || !obj.path(VERSION_FIELD).isInt()) {
                throw new ProfileException(Reason.STORE_CORRUPT, source, 0, null, "no schemaVersion");
            }
            int version = obj.remove(VERSION_FIELD).asInt();
            if (version != SCHEMA_VERSION) {
                throw new ProfileException(Reason.UNSUPPORTED_SCHEMA, source, 0, null, Integer.toString(version),
                        Integer.toString(SCHEMA_VERSION));
            }
            if (!obj.has(KILL_SWITCH_FIELD)) {
                obj.put(KILL_SWITCH_FIELD, false);
            }
            return MAPPER.treeToValue(obj, Profile.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            String detail = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : cause.getMessage();
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ProfileException(Reason.STORE_CORRUPT, source, Math.max(line, 0), null, detail);
        } catch (IOException e) {
            throw ProfileException.caused(Reason.STORE_CORRUPT, source, e, String.valueOf(e.getMessage()));
        }
    }
}
