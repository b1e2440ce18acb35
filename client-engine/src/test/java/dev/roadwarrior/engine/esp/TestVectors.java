package dev.roadwarrior.engine.esp;

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
 * Reads the shared test vectors in {@code ../shared/vectors} next to the repository (see
 * SOURCES.md there). A test needing a file is skipped, saying so, when the folder is absent.
 */
final class TestVectors {

    private TestVectors() {}

    /** The vector file, or a skipped test when the shared folder is absent. */
    static Path require(String relative) {
        return SharedFolder.require("vectors/" + relative);
    }

    /**
     * The blocks of a vector file: blank-line separated {@code name = value} lines, {@code #}
     * lines ignored. A {@code [label]} line starts a block and is stored as {@code case = label}.
     */
    static List<Map<String, String>> blocks(String relative) {
        List<String> lines;
        try {
            lines = Files.readAllLines(require(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Map<String, String>> blocks = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("[")) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new LinkedHashMap<>();
                }
                if (line.startsWith("[")) {
                    current.put("case", line.substring(1, line.length() - 1));
                }
            } else if (!line.startsWith("#")) {
                int eq = line.indexOf('=');
                current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    static String read(String relative) {
        try {
            return Files.readString(require(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
