package dev.roadwarrior.profiles;

import java.net.URISyntaxException;
import java.net.URL;
import dev.roadwarrior.testsupport.SharedFolder;
import java.nio.file.Path;

/** Test files: this module's fixtures, and the shared real-world samples next to the checkout. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fixture under {@code src/test/resources/dev/roadwarrior/profiles/fixtures/}. */
    public static Path fixture(String relative) {
        URL url = Fixtures.class.getResource("fixtures/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code ../shared/profiles/<sub>} beside the repository root (the directory holding
     * {@code mvnw}); the test is skipped, saying why, when it is absent.
     */
    public static Path shared(String sub) {
        return SharedFolder.require("profiles/" + sub);
    }
}
