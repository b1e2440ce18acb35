package dev.roadwarrior.systemtest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Unprivileged users on the host for tests of the Roadwarrior service: system users without a
 * login, some in a given group, each with a private home directory for {@code ROADWARRIOR_HOME}.
 * Users (and the group, if this object created it) are deleted again by {@link #close()}; users
 * of the same name left by an earlier run are replaced. Users are host-wide; they exist in every
 * network namespace.
 */
final class HostUsers implements AutoCloseable {

    private final String group;
    private final boolean createdGroup;
    private final Map<String, Path> homes = new LinkedHashMap<>();

    private HostUsers(String group, boolean createdGroup) {
        this.group = group;
        this.createdGroup = createdGroup;
    }

    /** Creates {@code group} unless it exists, then the users: {@code members} in it, {@code others} not. */
    static HostUsers create(String group, List<String> members, List<String> others) throws IOException {
        boolean created = !exists("group", group);
        if (created) {
            host("groupadd", "--system", group);
        }
        HostUsers users = new HostUsers(group, created);
        try {
            for (String user : members) {
                users.add(user, true);
            }
            for (String user : others) {
                users.add(user, false);
            }
        } catch (IOException | RuntimeException e) {
            users.close();
            throw e;
        }
        return users;
    }

    private void add(String user, boolean member) throws IOException {
        if (exists("passwd", user)) {
            host("userdel", user);
        }
        List<String> command = new ArrayList<>(List.of("useradd", "--system", "--no-create-home", "--shell",
                "/usr/sbin/nologin"));
        if (member) {
            command.addAll(List.of("--groups", group));
        }
        command.add(user);
        host(command.toArray(String[]::new));
        Path home = Files.createTempDirectory("rw-" + user, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        UserPrincipalLookupService lookup = home.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(home, lookup.lookupPrincipalByName(user));
        homes.put(user, home);
    }

    /** A private directory the user owns. */
    Path home(String user) {
        return homes.get(user);
    }

    /** The user's numeric id. */
    int uid(String user) throws IOException {
        return Integer.parseInt(host("id", "-u", user).strip());
    }

    /**
     * {@code command} run as {@code user} with the user's groups (as after a login), through
     * {@code setpriv}.
     */
    List<String> as(String user, String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + uid(user),
                "--regid=" + host("id", "-g", user).strip(), "--init-groups", "--"));
        full.addAll(List.of(command));
        return full;
    }

    /** Deletes the users, their homes and the group if it was created here; never throws. */
    @Override
    public void close() {
        for (Map.Entry<String, Path> e : homes.entrySet()) {
            try {
                host("userdel", e.getKey());
            } catch (IOException | RuntimeException ex) {
                System.out.println("HostUsers: " + ex.getMessage());
            }
            try (Stream<Path> files = Files.walk(e.getValue())) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ex) {
                System.out.println("HostUsers: " + ex.getMessage());
            }
        }
        homes.clear();
        if (createdGroup) {
            try {
                host("groupdel", group);
            } catch (IOException | RuntimeException ex) {
                System.out.println("HostUsers: " + ex.getMessage());
            }
        }
    }

    private static boolean exists(String database, String name) throws IOException {
        Process p = new ProcessBuilder("getent", database, name).redirectErrorStream(true).start();
        try {
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Runs a command on the host (not in a lab namespace); its output, or an exception when it fails. */
    private static String host(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
