package dev.roadwarrior.profiles;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Profile names. A name is also a file name ({@code <name>.json}), so it may hold letters,
 * digits, spaces and {@code . _ - @ + ( ) [ ] # , & '}, must not start with a dot, a hyphen or a
 * space, must not end with a space, and has at most 100 characters. Shrew site names such as
 * {@code EXTDACON@dacvpn} fit.
 */
public final class ProfileNames {

    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}_@+()\\[\\]#,&'][\\p{L}\\p{N} ._@+()\\[\\]#,&'-]*");
    private static final int MAX_LENGTH = 100;

    private ProfileNames() {
    }

    /** Whether {@code name} can be used. */
    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && VALID.matcher(name).matches() && !name.endsWith(" ");
    }

    /** Fails with {@link Reason#INVALID_NAME} unless {@link #isValid}. */
    public static void validate(String name) throws ProfileException {
        if (!isValid(name)) {
            throw ProfileException.of(Reason.INVALID_NAME, String.valueOf(name));
        }
    }

    /**
     * The name Shrew gives an imported file: the file name cut at its first dot
     * ({@code RTK.vpn.sample} becomes {@code RTK}, {@code ssl.example.org.vpn} becomes {@code ssl}).
     */
    public static String fromFileName(Path file) {
        String f = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = f.indexOf('.');
        return dot < 0 ? f : f.substring(0, dot);
    }
}
