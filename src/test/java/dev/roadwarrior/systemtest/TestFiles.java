package dev.roadwarrior.systemtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Clean-up of the directories a test made for itself (homes, run directories, /etc/netns entries). */
final class TestFiles {

    private TestFiles() {
    }

    /**
     * Removes each directory with everything below it, as far as it can; a null or missing directory is
     * skipped, a file that cannot be removed is left.
     */
    static void removeTrees(Path... dirs) throws IOException {
        for (Path dir : dirs) {
            if (dir != null && Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}
