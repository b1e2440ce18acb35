package dev.roadwarrior.ipc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.roadwarrior.ipc.ControlMessage.ErrorCode;
import dev.roadwarrior.profiles.io.AddressJsonModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wire form of {@link ControlMessage}s: JSON lines. Each message is one JSON object in UTF-8
 * on one line ending in {@code \n} (JSON escapes line breaks inside strings); its kind is in
 * {@code "type"}. Absent optional values are left out; an absent number reads as 0. Addresses are
 * dotted quads, networks {@code "10.1.0.0/16"} (read strictly, as the profile files are: {@link
 * AddressJsonModule}), byte arrays base64, enums by name. Unknown properties are ignored, so a
 * newer peer may add some; a new protocol version means incompatible changes.
 *
 * <p>A line may be at most {@link #MAX_LINE_BYTES} long; a profile with its certificates fits
 * many times over.
 */
public final class ControlCodec {

    /** The protocol version, sent in {@link ControlMessage.Hello}. */
    public static final int PROTOCOL = 1;
    /** The longest line either side accepts, without the line end. */
    public static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new AddressJsonModule())
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ControlCodec() {
    }

    /** The message as one line of JSON, without the line end. */
    public static String encode(ControlMessage message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a control message always serialises", e);
        }
    }

    /** Writes the message and a line end, then flushes. */
    public static void write(ControlMessage message, OutputStream out) throws IOException {
        out.write((encode(message) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A request sent by a client; every request needs a numeric {@code id}. */
    public static ControlMessage.Request decodeRequest(String line) throws ControlException {
        ObjectNode tree = tree(line);
        JsonNode id = tree.get("id");
        Optional<Long> requestId = id != null && id.canConvertToExactIntegral() ? Optional.of(id.asLong())
                : Optional.empty();
        if (requestId.isEmpty()) {
            throw new ControlException(ErrorCode.MALFORMED, "a request needs a numeric \"id\"", requestId);
        }
        return map(tree, ControlMessage.Request.class, requestId, ErrorCode.UNKNOWN_REQUEST);
    }

    /** A line sent by the service. */
    public static ControlMessage.FromService decodeFromService(String line) throws ControlException {
        return map(tree(line), ControlMessage.FromService.class, Optional.empty(), ErrorCode.MALFORMED);
    }

    /** The profile part of a connect request as the bytes of a profile file. */
    public static byte[] bytes(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always serialises", e);
        }
    }

    /**
     * Reads one line, without its end; null at the end of the stream (a last line without
     * {@code \n} counts). Reads byte by byte: give it a buffered stream.
     *
     * @throws ControlException {@link ErrorCode#LINE_TOO_LONG} after {@link #MAX_LINE_BYTES}
     *     bytes without a line end
     */
    public static String readLine(InputStream in) throws IOException, ControlException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                return line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() == MAX_LINE_BYTES) {
                throw new ControlException(ErrorCode.LINE_TOO_LONG, "a line exceeds " + MAX_LINE_BYTES + " bytes",
                        Optional.empty());
            }
            line.write(b);
        }
    }

    private static ObjectNode tree(String line) throws ControlException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            throw new ControlException(ErrorCode.MALFORMED, "not valid JSON" + where, Optional.empty());
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new ControlException(ErrorCode.MALFORMED, "not a JSON object", Optional.empty());
        }
        return object;
    }

    private static <T> T map(ObjectNode tree, Class<T> type, Optional<Long> id, ErrorCode unknownType)
            throws ControlException {
        if (!tree.path("type").isTextual()) {
            throw new ControlException(ErrorCode.MALFORMED, "no \"type\"", id);
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (InvalidTypeIdException e) {
            throw new ControlException(unknownType, "unknown type \"" + tree.path("type").asText() + "\"", id);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            throw new ControlException(ErrorCode.MALFORMED, field.isEmpty() ? "missing or bad fields"
                    : "missing or bad field \"" + field + "\"", id);
        } catch (JsonProcessingException e) {
            throw new ControlException(ErrorCode.MALFORMED, "cannot read the message", id);
        }
    }
}
