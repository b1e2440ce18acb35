package dev.roadwarrior.engine.testutil;

import dev.roadwarrior.testsupport.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Access to the shared test vectors ({@code ../shared/vectors} next to the repository root) and a
 * parser for their text formats.
 *
 * <p>{@link #parse} reads both the {@code name = value} block files ({@code *.vectors.txt},
 * {@code modp_groups.txt}) and NIST CAVP response files ({@code *.fax}):
 * <ul>
 * <li>{@code #} lines are comments; blank lines end a block;
 * <li>a {@code [header]} line ends the current block; a run of header lines gives the sections of
 *     every block after it, until the next run;
 * <li>{@code name = value} lines (split at the first {@code =}) add fields to the current block,
 *     opening one if needed;
 * <li>indented lines without {@code =} continue the previous field's value, whitespace removed
 *     (the multi-line hex of {@code modp_groups.txt}).
 * </ul>
 */
public final class Vectors {

    private Vectors() {
    }

    /**
     * The file {@code vectors/<relative>} of the shared directory; skips the calling test (with a
     * message saying what is missing) when it is absent.
     */
    public static Path require(String relative) {
        return SharedFolder.require("vectors/" + relative);
    }

    /** Parses a vector file into its blocks, in file order. */
    public static List<Block> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        boolean sectionsComplete = false;
        Map<String, String> fields = null;
        String lastName = null;
        int blockLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.startsWith("#")) {
                continue;
            }
            boolean header = line.startsWith("[") && line.endsWith("]");
            if (line.isEmpty() || header) {
                if (fields != null) {
                    blocks.add(new Block(List.copyOf(sections), fields, blockLine));
                    fields = null;
                    sectionsComplete = true;
                }
                if (header) {
                    if (sectionsComplete) {
                        sections.clear();
                        sectionsComplete = false;
                    }
                    sections.add(line.substring(1, line.length() - 1).strip());
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                if (fields == null || lastName == null || !Character.isWhitespace(raw.charAt(0))) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a field: " + line);
                }
                fields.merge(lastName, line.replaceAll("\\s+", ""), String::concat);
                continue;
            }
            if (fields == null) {
                fields = new LinkedHashMap<>();
                blockLine = i + 1;
            }
            lastName = line.substring(0, eq).strip();
            fields.put(lastName, line.substring(eq + 1).strip());
        }
        if (fields != null) {
            blocks.add(new Block(List.copyOf(sections), fields, blockLine));
        }
        return blocks;
    }

    /** Lowercase or uppercase hex without separators; the empty string is the empty array. */
    public static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /**
     * One block of fields.
     *
     * @param sections the {@code [header]} texts in force for the block, without brackets
     * @param fields the fields in file order
     * @param line the block's first line in the file (1-based), for messages
     */
    public record Block(List<String> sections, Map<String, String> fields, int line) {

        public Block {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public boolean has(String name) {
            return fields.containsKey(name);
        }

        /** The value of a field; fails the test setup if absent. */
        public String get(String name) {
            String value = fields.get(name);
            if (value == null) {
                throw new NoSuchElementException("no field '" + name + "' in block at line " + line);
            }
            return value;
        }

        /** A hex field as bytes. */
        public byte[] hex(String name) {
            return Vectors.hex(get(name));
        }

        /** A label for assertion messages: the sections, the first field and the line. */
        public String label() {
            Map.Entry<String, String> first = fields.entrySet().iterator().next();
            return sections + " " + first.getKey() + " = " + first.getValue() + " (line " + line + ")";
        }
    }
}
