package dev.roadwarrior.ui.main;

import java.util.Optional;

/** Makes {@link ProfileRow}s for tests outside this package. */
public final class ProfileRowAccess {

    private ProfileRowAccess() {
    }

    /** A row for a profile without a problem. */
    public static ProfileRow row(String name) {
        return new ProfileRow(name, "203.0.113.2", "Mutual PSK + XAuth", Optional.empty());
    }
}
