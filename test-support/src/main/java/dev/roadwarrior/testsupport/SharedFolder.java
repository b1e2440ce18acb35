package dev.roadwarrior.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the read-only reference folder {@code shared} (vectors, sample profiles) that lies next to
 * the checkout: the sibling of the nearest directory, from the working directory up, that holds
 * {@code mvnw}. Tests read it by path and are skipped, saying so, when it is absent.
 */
public final class SharedFolder {

    private SharedFolder() {
    }

    /** The shared folder, if it exists, seen from the working directory. */
    public static Optional<Path> find() {
        return find(Path.of("").toAbsolutePath());
    }

    /** The shared folder, if it exists, seen from {@code start}. */
    public static Optional<Path> find(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                Path shared = dir.resolveSibling("shared");
                return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The file or folder {@code shared/<relative>}; skips the calling test, naming what is missing,
     * when it does not exist.
     */
    public static Path require(String relative) {
        Optional<Path> shared = find();
        assumeTrue(shared.isPresent(), "../shared (next to the repository root holding mvnw) is absent: skipping");
        Path path = shared.get().resolve(relative);
        assumeTrue(Files.exists(path), path + " is absent: skipping");
        return path;
    }
}
