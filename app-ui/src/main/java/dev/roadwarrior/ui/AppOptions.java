package dev.roadwarrior.ui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the desktop app was started.
 *
 * @param openFile a profile file to offer for import ({@code roadwarrior open FILE})
 * @param connect a profile to connect once the app runs ({@code roadwarrior --connect NAME}, what
 *     the autostart entry runs at login)
 */
public record AppOptions(Optional<Path> openFile, Optional<String> connect) {

    public AppOptions {
        openFile = Objects.requireNonNullElse(openFile, Optional.<Path>empty()).map(Path::toAbsolutePath);
        connect = Objects.requireNonNullElse(connect, Optional.<String>empty());
    }
}
