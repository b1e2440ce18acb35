package dev.roadwarrior.profiles.io;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.ProfileNames;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.model.Profile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Profiles as JSON files, one per profile: {@code <directory>/<name>.json} (see {@link ProfileJson}).
 * The directory is created with mode 0700, files are written with mode 0600 and replaced
 * atomically ({@link SecureFiles#writeAtomically}), so a crash never leaves half a profile.
 *
 * <p>Not locked across processes: two processes creating the same name at the same moment may
 * both succeed, the later one winning.
 */
public final class ProfileStore {

    private static final String SUFFIX = ".json";

    private final Path directory;

    /** A store in {@code directory}, which need not exist yet. */
    public ProfileStore(Path directory) {
        this.directory = directory.toAbsolutePath();
    }

    public Path directory() {
        return directory;
    }

    /** The file of a profile; fails with {@link Reason#INVALID_NAME} for a name that cannot be a file. */
    public Path fileOf(String name) throws ProfileException {
        ProfileNames.validate(name);
        return directory.resolve(name + SUFFIX);
    }

    /** The stored names, sorted. */
    public List<String> names() throws ProfileException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path f : files) {
                String file = f.getFileName().toString();
                String name = file.substring(0, file.length() - SUFFIX.length());
                if (ProfileNames.isValid(name) && Files.isRegularFile(f)) {
                    names.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return names;
        } catch (IOException e) {
            throw ProfileException.caused(Reason.FILE_UNREADABLE, null, e, SecureFiles.describe(e));
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return names;
    }

    /** Whether a profile of that name is stored. */
    public boolean exists(String name) {
        return ProfileNames.isValid(name) && Files.isRegularFile(directory.resolve(name + SUFFIX));
    }

    /** Loads a profile; {@link Reason#UNKNOWN_PROFILE} when there is none. */
    public Profile load(String name) throws ProfileException {
        if (!exists(name)) {
            throw ProfileException.of(Reason.UNKNOWN_PROFILE, name);
        }
        Path file = directory.resolve(name + SUFFIX);
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (IOException e) {
            throw ProfileException.caused(Reason.FILE_UNREADABLE, null, e, SecureFiles.describe(e));
        }
        Profile p = ProfileJson.fromBytes(json, file.getFileName().toString());
        if (!p.name().equals(name)) {
            throw new ProfileException(Reason.STORE_CORRUPT, file.getFileName().toString(), 0, "name",
                    "it holds the profile \"" + p.name() + "\"");
        }
        return p;
    }

    /** Stores a new profile; {@link Reason#NAME_CLASH} if the name is taken. */
    public void create(Profile profile) throws ProfileException {
        if (exists(profile.name())) {
            throw ProfileException.of(Reason.NAME_CLASH, profile.name());
        }
        save(profile);
    }

    /** Stores a profile, replacing one of the same name. */
    public void save(Profile profile) throws ProfileException {
        Path file = fileOf(profile.name());
        byte[] json = ProfileJson.toBytes(profile);
        try {
            SecureFiles.createPrivateDirectories(directory);
            SecureFiles.writeAtomically(file, out -> out.write(json));
        } catch (IOException e) {
            throw ProfileException.caused(Reason.WRITE_FAILED, null, e, SecureFiles.describe(e));
        }
    }

    /** Deletes a profile; {@link Reason#UNKNOWN_PROFILE} when there is none. */
    public void delete(String name) throws ProfileException {
        if (!exists(name)) {
            throw ProfileException.of(Reason.UNKNOWN_PROFILE, name);
        }
        Path file = directory.resolve(name + SUFFIX);
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw ProfileException.caused(Reason.WRITE_FAILED, null, e, SecureFiles.describe(e));
        }
    }
}
