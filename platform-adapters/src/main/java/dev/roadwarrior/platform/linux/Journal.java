package dev.roadwarrior.platform.linux;

import dev.roadwarrior.platform.PlatformException;
import dev.roadwarrior.platform.PlatformException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The crash-recovery journal: a text file with one {@link Change} per line, appended and synced
 * to disk before the change is made, so that a later process can undo what a dead one left.
 * Lines that do not parse (a write cut short by a crash) are skipped when reading, with a warning.
 */
final class Journal {

    private static final System.Logger LOG = System.getLogger(Journal.class.getName());

    private final Path file;

    Journal(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** Appends {@code change} and syncs the file (and, when new, its directory). */
    void append(Change change) throws PlatformException {
        try {
            boolean created = !Files.exists(file);
            if (created) {
                Path dir = file.toAbsolutePath().getParent();
                if (!Files.isDirectory(dir)) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                write(ch, change.journalLine() + "\n");
                ch.force(true);
            }
            if (created) {
                syncDirectory(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new PlatformException(Reason.JOURNAL, "cannot write " + file, e);
        }
    }

    /** The recorded changes, oldest first; empty when there is no journal. */
    List<Change> read() throws PlatformException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PlatformException(Reason.JOURNAL, "cannot read " + file, e);
        }
        List<Change> changes = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                changes.add(Change.parse(line));
            } catch (PlatformException e) {
                LOG.log(System.Logger.Level.WARNING, "skipping journal line: " + line, e);
            }
        }
        return changes;
    }

    /** Replaces the journal atomically with {@code changes}; deletes it when there are none. */
    void rewrite(List<Change> changes) throws PlatformException {
        try {
            if (changes.isEmpty()) {
                Files.deleteIfExists(file);
            } else {
                Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
                    StringBuilder text = new StringBuilder();
                    changes.forEach(c -> text.append(c.journalLine()).append('\n'));
                    write(ch, text.toString());
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            if (Files.isDirectory(file.toAbsolutePath().getParent())) {
                syncDirectory(file.toAbsolutePath().getParent());
            }
        } catch (IOException e) {
            throw new PlatformException(Reason.JOURNAL, "cannot rewrite " + file, e);
        }
    }

    /** Syncs a directory so that a created, renamed or deleted entry survives a crash. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static void write(FileChannel ch, String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
