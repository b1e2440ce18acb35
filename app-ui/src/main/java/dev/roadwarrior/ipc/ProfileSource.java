package dev.roadwarrior.ipc;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.model.Profile;

/** Where a client finds the stored profile of a connection, e.g. {@code ProfileLibrary::load}. */
@FunctionalInterface
public interface ProfileSource {

    /** The stored profile named {@code name}. */
    Profile load(String name) throws ProfileException;
}
