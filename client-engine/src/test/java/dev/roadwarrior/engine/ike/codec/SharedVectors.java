package dev.roadwarrior.engine.ike.codec;

import dev.roadwarrior.testsupport.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Access to the shared reference vectors ({@code ../shared/vectors} next to the checkout). Tests
 * that need them are skipped, saying so, when the folder is absent.
 */
final class SharedVectors {

    private SharedVectors() {
    }

    /** The vectors folder; skips the calling test when it does not exist. */
    static Path dir() {
        return SharedFolder.require("vectors");
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blocks of a {@code *.vectors.txt} file: {@code name = value} lines, comments dropped. */
    static List<Map<String, String>> blocks(Path file) {
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = null;
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith("#") || !line.contains(" = ") && !line.endsWith(" =")) {
                    continue;
                }
                int eq = line.indexOf(" =");
                String key = line.substring(0, eq).trim();
                String value = line.substring(Math.min(line.length(), eq + 3)).trim();
                if (key.equals("case")) {
                    current = new LinkedHashMap<>();
                    blocks.add(current);
                }
                if (current != null) {
                    current.put(key, value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return blocks;
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
