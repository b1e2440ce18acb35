package dev.roadwarrior.profiles.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;

/**
 * A secret value: bytes (a Shrew group password need not be text). Copies go in and out;
 * {@link #equals} compares in constant time; {@link #toString()} never shows the value.
 */
public final class Secret {

    private final byte[] value;

    private Secret(byte[] value) {
        this.value = value;
    }

    /** A secret holding a copy of {@code bytes}. */
    public static Secret of(byte[] bytes) {
        return new Secret(bytes.clone());
    }

    /** A secret holding the UTF-8 bytes of {@code text}. */
    public static Secret ofText(String text) {
        return new Secret(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return value.clone();
    }

    /** The value as UTF-8 text, if it is valid UTF-8. */
    public Optional<String> text() {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The number of bytes. */
    public int length() {
        return value.length;
    }

    /** Overwrites the bytes with zeros; the secret is empty afterwards. */
    public void destroy() {
        Arrays.fill(value, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && MessageDigest.isEqual(value, s.value);
    }

    /** Depends on the length only, so that hashing leaks nothing about the value. */
    @Override
    public int hashCode() {
        return value.length;
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
