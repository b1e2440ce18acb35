package dev.roadwarrior.profiles.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Private, crash-safe files: directories 0700, files 0600, and whole-file replacement.
 *
 * <p>On file systems without POSIX permissions (Windows) the modes are skipped; the user's
 * profile directory is private there by default.
 */
public final class SecureFiles {

    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");

    private SecureFiles() {
    }

    /** Writes the content of a file to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Creates {@code dir} and any missing parents with mode 0700, and sets {@code dir} itself to
     * 0700 if it already existed with another mode.
     */
    public static void createPrivateDirectories(Path dir) throws IOException {
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        boolean posix = existing != null
                && Files.getFileStore(existing).supportsFileAttributeView(PosixFileAttributeView.class);
        if (posix) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
            if (!Files.getPosixFilePermissions(dir).equals(DIR_MODE)) {
                Files.setPosixFilePermissions(dir, DIR_MODE);
            }
        } else {
            Files.createDirectories(dir);
        }
    }

    /**
     * Replaces {@code target} with what {@code writer} produces, so that readers and crashes see
     * either the old file or the new one, never a part: the content goes to a new temporary file
     * (mode 0600) in the same directory, is flushed to disk (fsync), and is moved over the target
     * with an atomic rename; then the directory is flushed too. The directory must exist. When the
     * writer or any step fails, the temporary file is removed and the target is untouched.
     */
    public static void writeAtomically(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = createTempFile(dir, target.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(ch);
                writer.write(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot replace " + target + " atomically", e);
            }
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The attributes for a new private file at {@code file}: mode 0600 where POSIX modes exist. */
    public static FileAttribute<?>[] privateFileAttributes(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE_MODE)};
        }
        return new FileAttribute<?>[0];
    }

    /** Plain words for an I/O failure, e.g. {@code access denied: /path}. */
    public static String describe(IOException e) {
        String file = null;
        if (e instanceof FileSystemException f) {
            file = f.getOtherFile() != null ? f.getOtherFile() : f.getFile(); // a move names its target second
        }
        String what;
        if (e instanceof AccessDeniedException) {
            what = "access denied";
        } else if (e instanceof NoSuchFileException) {
            what = "no such file or directory";
        } else if (e instanceof DirectoryNotEmptyException) {
            what = "a non-empty directory is in the way";
        } else if (e instanceof FileAlreadyExistsException) {
            what = "already exists";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            what = f.getReason();
        } else {
            return String.valueOf(e.getMessage());
        }
        return file == null ? what : what + ": " + file;
    }

    private static Path createTempFile(Path dir, String name) throws IOException {
        FileAttribute<?>[] attrs = privateFileAttributes(dir.resolve(name));
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".tmp");
            try {
                Files.createFile(temp, attrs);
                if (attrs.length > 0 && !Files.getPosixFilePermissions(temp).equals(FILE_MODE)) {
                    Files.setPosixFilePermissions(temp, FILE_MODE);
                }
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some systems (Windows) cannot open a directory; the rename itself is still atomic.
        }
    }
}
