package dev.roadwarrior.profiles.io;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.roadwarrior.profiles.Fixtures;
import dev.roadwarrior.profiles.ImportResult;
import dev.roadwarrior.profiles.ProfileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the {@code .vpn} and {@code .pcf} importers (Jazzer). Any content is
 * either refused with a {@link ProfileException} or imported; an imported profile exports to a
 * {@code .vpn} file that imports to the same profile ({@link RoundTripCheck}).
 *
 * <p>Seeds: this module's fixtures and, when present, the real-world samples in
 * {@code ../shared/profiles} (read at run time, left out saying so when absent). Inputs that once
 * failed are kept in {@code ImporterFuzzTestInputs/<method>/} under the test resources.
 */
class ImporterFuzzTest {

    /** Relative certificate paths of version 0-3 files resolve here: an empty folder. */
    private static final Path BASE_DIR = emptyDir();

    static Stream<Arguments> vpnFiles() {
        return seeds("vpn", ".vpn");
    }

    static Stream<Arguments> pcfFiles() {
        return seeds("pcf", ".pcf");
    }

    @MethodSource("vpnFiles")
    @FuzzTest(maxDuration = "10m")
    void vpn(byte[] content) {
        ImportResult result;
        try {
            result = ShrewVpnImporter.parse(content, "fuzz.vpn", BASE_DIR, "fuzz");
        } catch (ProfileException refused) {
            return;
        }
        roundTrip(result);
    }

    @MethodSource("pcfFiles")
    @FuzzTest(maxDuration = "10m")
    void pcf(byte[] content) {
        ImportResult result;
        try {
            result = PcfImporter.parse(content, "fuzz.pcf", "fuzz");
        } catch (ProfileException refused) {
            return;
        }
        roundTrip(result);
    }

    private static void roundTrip(ImportResult result) {
        try {
            RoundTripCheck.export(result);
        } catch (ProfileException e) {
            throw new AssertionError("an imported profile exports to a file that does not import", e);
        }
    }

    private static Stream<Arguments> seeds(String sub, String suffix) {
        List<Path> files = new ArrayList<>();
        for (String fixtures : new String[] {sub, "warnings", "errors"}) {
            files.addAll(list(Fixtures.fixture(fixtures), suffix));
        }
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        Path shared = root == null ? null : root.resolveSibling("shared").resolve("profiles").resolve(sub);
        if (shared != null && Files.isDirectory(shared)) {
            files.addAll(list(shared, ""));
        } else {
            System.err.println("ImporterFuzzTest: ../shared/profiles/" + sub + " is absent; seeding from the fixtures only");
        }
        return files.stream().map(f -> {
            try {
                return Arguments.of((Object) Files.readAllBytes(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path emptyDir() {
        try {
            Path dir = Files.createTempDirectory("importer-fuzz");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
