package dev.roadwarrior.profiles.io;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads an imported file as text: size limit, binary check, UTF-8 byte order mark, and UTF-8 with
 * a fallback to ISO-8859-15 (older Windows tools wrote Latin text, e.g. a .pcf Description).
 */
final class TextDecoding {

    /** No profile comes near this; certificate blobs are a few kilobytes. */
    static final int MAX_BYTES = 1 << 20;

    private static final Charset LATIN9 = Charset.forName("ISO-8859-15");

    /** Text and the character set it was decoded with (needed to turn text back into bytes). */
    record Text(String text, Charset charset) {
    }

    private TextDecoding() {
    }

    /** The bytes of {@code file}, at most {@link #MAX_BYTES}. */
    static byte[] readFile(Path file, String source) throws ProfileException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProfileException(Reason.FILE_TOO_LARGE, source, 0, null, Integer.toString(MAX_BYTES));
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw ProfileException.caused(Reason.FILE_UNREADABLE, source, e, "no such file");
        } catch (IOException e) {
            String why = Files.isDirectory(file) ? "it is a directory" : SecureFiles.describe(e);
            throw ProfileException.caused(Reason.FILE_UNREADABLE, source, e, why);
        }
    }

    /**
     * Decodes {@code bytes}; fails with {@link Reason#NOT_A_PROFILE} on a NUL or another control
     * character than tab, line feed, vertical tab, form feed and carriage return.
     *
     * @param format the expected format for the message, e.g. {@code .vpn}
     */
    static Text decode(byte[] bytes, String source, String format) throws ProfileException {
        int line = 1;
        for (byte b : bytes) {
            if (b == '\n') {
                line++;
            } else if ((b >= 0 && b < 0x20 && b != '\t' && b != 0x0b && b != '\f' && b != '\r') || b == 0x7f) {
                throw new ProfileException(Reason.NOT_A_PROFILE, source, line, null, format);
            }
        }
        byte[] body = bytes;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            body = Arrays.copyOfRange(bytes, 3, bytes.length);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return new Text(text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            return new Text(new String(body, LATIN9), LATIN9);
        }
    }
}
