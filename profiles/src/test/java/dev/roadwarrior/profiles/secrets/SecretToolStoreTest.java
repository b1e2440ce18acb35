package dev.roadwarrior.profiles.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.profiles.ProfileException;
import dev.roadwarrior.profiles.Reason;
import dev.roadwarrior.profiles.RoadwarriorPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@link SecretToolStore} against a stand-in {@code secret-tool} that keeps items in files. */
class SecretToolStoreTest {

    @TempDir
    Path dir;
    private Path tool;

    @BeforeEach
    void fakeSecretTool() throws Exception {
        Path keyring = Files.createDirectory(dir.resolve("keyring"));
        tool = dir.resolve("bin/secret-tool");
        Files.createDirectories(tool.getParent());
        Files.writeString(tool, String.join("\n",
                "#!/bin/sh",
                "k='" + keyring + "'",
                "cmd=$1; shift",
                "echo \"$cmd $*\" >> \"$k/args.log\"",
                "case \"$1\" in --label=*) shift;; esac",
                "[ \"$1 $2\" = 'application roadwarrior' ] || { echo 'bad attributes' >&2; exit 1; }",
                "[ \"$4\" = 'broken' ] && { echo 'Cannot create an item in a locked collection' >&2; exit 1; }",
                "item=\"$k/$(printf '%s' \"$4.$6\" | tr '/ ' '__')\"",
                "case $cmd in",
                "  store) cat > \"$item\";;",
                "  lookup) [ -f \"$item\" ] || exit 1; cat \"$item\";;",
                "  clear) rm -f \"$item\";;",
                "esac",
                ""));
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void storesThroughStandardInput() throws Exception {
        SecretToolStore s = new SecretToolStore(tool);
        assertEquals(Optional.empty(), s.get("site one", SecretKind.GROUP_PASSWORD));
        Secret psk = Secret.of(new byte[] {'z', 'q', '9', 0, (byte) 0xff});
        s.put("site one", SecretKind.GROUP_PASSWORD, psk);
        assertEquals(Optional.of(psk), s.get("site one", SecretKind.GROUP_PASSWORD));
        s.removeAll("site one");
        assertEquals(Optional.empty(), s.get("site one", SecretKind.GROUP_PASSWORD));
        String log = Files.readString(dir.resolve("keyring/args.log"));
        assertTrue(log.contains("store --label=Roadwarrior site one: group-password application roadwarrior"), log);
        assertFalse(log.contains("zq9") || log.contains("enE5"), "the secret never appears on a command line");
    }

    @Test
    void failuresAreTyped() {
        SecretToolStore s = new SecretToolStore(tool);
        ProfileException e = assertThrows(ProfileException.class,
                () -> s.put("broken", SecretKind.GROUP_PASSWORD, Secret.ofText("x")));
        assertEquals(Reason.SECRET_STORE_FAILED, e.reason());
        assertTrue(e.getMessage().contains("locked collection"), e.getMessage());
        ProfileException missing = assertThrows(ProfileException.class,
                () -> new SecretToolStore(dir.resolve("nope")).get("a", SecretKind.GROUP_PASSWORD));
        assertEquals(Reason.SECRET_STORE_FAILED, missing.reason());
    }

    @Test
    void aHangingKeyringTimesOutInsteadOfHangingTheCaller() throws Exception {
        Path hanging = dir.resolve("bin/hanging-secret-tool");
        Files.writeString(hanging, "#!/bin/sh\nsleep 600\n");
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
        SecretToolStore s = new SecretToolStore(hanging, java.time.Duration.ofMillis(500));
        long start = System.nanoTime();
        ProfileException e = assertThrows(ProfileException.class, () -> s.get("a", SecretKind.GROUP_PASSWORD));
        assertEquals(Reason.SECRET_STORE_FAILED, e.reason());
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "returned long before the hung command would end");
    }

    @Test
    void aHangingPromptThatNeverReadsItsInputTimesOut() throws Exception {
        Path prompt = dir.resolve("bin/prompting-secret-tool");
        Files.writeString(prompt, "#!/bin/sh\necho 'Unlock the keyring' >&2\nexec sleep 600\n");
        Files.setPosixFilePermissions(prompt, PosixFilePermissions.fromString("rwx------"));
        SecretToolStore s = new SecretToolStore(prompt, java.time.Duration.ofMillis(500));
        ProfileException e = assertThrows(ProfileException.class,
                () -> s.put("a", SecretKind.GROUP_PASSWORD, Secret.ofText("x")));
        assertEquals(Reason.SECRET_STORE_FAILED, e.reason());
        assertTrue(e.getMessage().contains("secret-tool store did not finish"), e.getMessage());
    }

    @Test
    void anInterruptedCallerKillsTheHangingCommand() throws Exception {
        Path prompt = dir.resolve("bin/prompting-secret-tool");
        Path pid = dir.resolve("prompt.pid");
        Files.writeString(prompt, "#!/bin/sh\necho $$ > '" + pid + "'\nexec sleep 600\n");
        Files.setPosixFilePermissions(prompt, PosixFilePermissions.fromString("rwx------"));
        SecretToolStore s = new SecretToolStore(prompt);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                s.get("a", SecretKind.GROUP_PASSWORD);
            } catch (ProfileException e) {
                thrown.set(e);
            }
        });
        caller.start();
        for (int i = 0; i < 3000 && (!Files.exists(pid) || Files.readString(pid).isBlank()); i++) {
            Thread.sleep(10);
        }
        ProcessHandle command = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElseThrow();
        caller.interrupt();
        caller.join(30_000);
        assertFalse(caller.isAlive(), "the interrupted caller returned");
        ProfileException e = assertInstanceOf(ProfileException.class, thrown.get());
        assertEquals(Reason.SECRET_STORE_FAILED, e.reason());
        command.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(command.isAlive(), "the command was killed");
    }

    @Test
    void chosenOnlyWithToolBusAndNoRoadwarriorHome() {
        String path = tool.getParent().toString();
        assertEquals(Optional.of(tool), SecretToolStore.find(Map.of("PATH", "/nonexistent:" + path,
                "DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")));
        assertEquals(Optional.empty(), SecretToolStore.find(Map.of("PATH", path)));
        Map<String, String> env = Map.of("PATH", path, "DBUS_SESSION_BUS_ADDRESS", "unix:path=/x");
        RoadwarriorPaths xdg = RoadwarriorPaths.resolve(Map.of(), null, dir);
        RoadwarriorPaths single = RoadwarriorPaths.resolve(Map.of(), dir.toString(), dir);
        assertInstanceOf(SecretToolStore.class, SecretStores.choose(xdg, env));
        assertInstanceOf(FileSecretStore.class, SecretStores.choose(single, env));
        assertInstanceOf(FileSecretStore.class, SecretStores.choose(xdg, Map.of("PATH", path)));
    }
}
