package dev.roadwarrior.profiles.secrets;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.Reason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Secrets in the OS keyring through the Secret Service API (GNOME Keyring, KWallet), using the
 * {@code secret-tool} command from libsecret. Each secret is an item with the attributes
 * {@code application=roadwarrior}, {@code profile=<name>} and {@code secret=<kind id>}; its value
 * is the base64 of the secret's bytes (the Secret Service stores text, a group password may not be).
 *
 * <p>The value goes to {@code secret-tool} on its standard input, never on the command line.
 * Unlocking a locked keyring may show a desktop prompt, so commands may take up to a minute; a
 * command that takes longer (a prompt nobody answers, a hung keyring daemon) is killed and reported
 * as {@link Reason#SECRET_STORE_FAILED}, so a caller never hangs on the keyring. The command's
 * output is read on two threads while the caller waits with the timeout; a caller interrupted
 * while it waits kills the command too.
 */
public final class SecretToolStore implements SecretStore {

    private static final String APPLICATION = "roadwarrior";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path executable;
    private final Duration timeout;

    /** A store using the {@code secret-tool} at {@code executable}. */
    public SecretToolStore(Path executable) {
        this(executable, TIMEOUT);
    }

    /** A store whose commands are killed after {@code timeout} (tests use a short one). */
    SecretToolStore(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /**
     * The {@code secret-tool} executable on {@code PATH}, if there is one and a D-Bus session bus
     * is reachable ({@code DBUS_SESSION_BUS_ADDRESS} set, or {@code $XDG_RUNTIME_DIR/bus} present).
     */
    public static Optional<Path> find(Map<String, String> env) {
        String bus = env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "");
        String runtime = env.getOrDefault("XDG_RUNTIME_DIR", "");
        if (bus.isEmpty() && (runtime.isEmpty() || !Files.exists(Path.of(runtime, "bus")))) {
            return Optional.empty();
        }
        for (String dir : env.getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "secret-tool");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<Secret> get(String profile, SecretKind kind) throws ProfileException {
        Result r = run(null, "lookup", profile, kind);
        if (r.exit != 0) {
            if (r.error.isBlank()) {
                return Optional.empty(); // not found
            }
            throw failure("lookup", r);
        }
        try {
            return Optional.of(Secret.of(Base64.getDecoder().decode(r.output.trim())));
        } catch (IllegalArgumentException e) {
            throw ProfileException.of(Reason.SECRET_STORE_FAILED, "the keyring item for " + profile + " ("
                    + kind.id() + ") was not written by roadwarrior");
        }
    }

    @Override
    public void put(String profile, SecretKind kind, Secret secret) throws ProfileException {
        byte[] value = Base64.getEncoder().encode(secret.bytes());
        Result r = run(value, "store", profile, kind);
        if (r.exit != 0) {
            throw failure("store", r);
        }
    }

    @Override
    public void remove(String profile, SecretKind kind) throws ProfileException {
        Result r = run(null, "clear", profile, kind);
        if (r.exit != 0 && !r.error.isBlank()) {
            throw failure("clear", r);
        }
    }

    @Override
    public String describe() {
        return "the OS keyring (Secret Service, via " + executable + ")";
    }

    private record Result(int exit, String output, String error) {
    }

    private Result run(byte[] input, String command, String profile, SecretKind kind) throws ProfileException {
        List<String> cmd = new ArrayList<>(List.of(executable.toString(), command));
        if (command.equals("store")) {
            cmd.add("--label=Roadwarrior " + profile + ": " + kind.id());
        }
        cmd.addAll(List.of("application", APPLICATION, "profile", profile, "secret", kind.id()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw ProfileException.caused(Reason.SECRET_STORE_FAILED, null, e, "cannot run " + executable);
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread outReader = reader(p.getInputStream(), out, "secret-tool-stdout");
            Thread errReader = reader(p.getErrorStream(), err, "secret-tool-stderr");
            try (OutputStream in = p.getOutputStream()) {
                if (input != null) {
                    in.write(input);
                }
            } catch (IOException e) {
                // secret-tool ended without reading its input; its exit status and message tell why
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw ProfileException.of(Reason.SECRET_STORE_FAILED, "secret-tool " + command
                        + " did not finish within " + timeout.toSeconds() + " s (is the keyring waiting for an answer?)");
            }
            outReader.join();
            errReader.join();
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw ProfileException.of(Reason.SECRET_STORE_FAILED, "interrupted");
        }
    }

    /** Kills the command and what it started (a keyring prompt it waits for, say). */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static Thread reader(InputStream from, ByteArrayOutputStream to, String name) {
        Thread t = new Thread(() -> copy(from, to), name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void copy(InputStream from, ByteArrayOutputStream to) {
        try {
            from.transferTo(to);
        } catch (IOException e) {
            // the process ended; what was read is kept
        }
    }

    private static ProfileException failure(String command, Result r) {
        String detail = r.error.strip();
        return ProfileException.of(Reason.SECRET_STORE_FAILED,
                "secret-tool " + command + " failed" + (detail.isEmpty() ? "" : ": " + detail));
    }
}
