package dev.roadwarrior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.profiles.ProfileLibrary;
import dev.roadwarrior.profiles.RoadwarriorPaths;
import dev.roadwarrior.profiles.secrets.SecretKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code roadwarrior edit NAME} with EDITOR set to shell scripts that play the user. */
class EditCommandTest {

    private static final String SITE = String.join("\n",
            "n:version:4",
            "s:network-host:vpn.example.net",
            "n:network-ike-port:500",
            "s:client-auto-mode:pull",
            "s:auth-method:mutual-psk-xauth",
            "s:ident-client-type:keyid",
            "s:ident-client-data:GROUP",
            "b:auth-mutual-psk:RGFjVnBuVGVsMjAyMQ==",
            "s:phase1-exchange:aggressive",
            "s:policy-list-include:10.1.0.0 / 255.255.0.0",
            "");

    @TempDir
    Path home;
    @TempDir
    Path work;
    private String out;
    private String err;

    @BeforeEach
    void importOffice() throws IOException {
        System.setProperty(RoadwarriorPaths.HOME_PROPERTY, home.toString());
        Path site = work.resolve("office.vpn");
        Files.writeString(site, SITE, StandardCharsets.UTF_8);
        CommandLine importer = RoadwarriorCommand.commandLine();
        importer.setOut(new PrintWriter(new StringWriter()));
        importer.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, importer.execute("import", site.toString()));
    }

    @AfterEach
    void restore() {
        System.clearProperty(RoadwarriorPaths.HOME_PROPERTY);
    }

    @Test
    void savesTheEditedTextKeepsTheGroupPasswordAndLeavesNoSecretOrFileBehind() throws Exception {
        Path editor = script("edit.sh", """
                stat -c %a "$1" > "$WORK/mode"
                echo "$1" > "$WORK/path"
                cp "$1" "$WORK/seen.vpn"
                sed -i 's/vpn.example.net/vpn2.example.net/' "$1"
                """);
        assertEquals(0, edit(editor, () -> false), err);
        assertEquals("Saved profile \"office\".\n", out);
        assertEquals("600", Files.readString(work.resolve("mode")).strip());
        assertFalse(Files.exists(Path.of(Files.readString(work.resolve("path")).strip())), "temp file deleted");
        String seen = Files.readString(work.resolve("seen.vpn"));
        assertTrue(seen.contains("s:network-host:vpn.example.net\n"), seen);
        assertFalse(seen.contains("auth-mutual-psk"), "no secret in the text");
        ProfileLibrary library = ProfileLibrary.open();
        assertEquals("vpn2.example.net", library.load("office").gateway().host());
        assertEquals("DacVpnTel2021",
                library.secretsOf("office").get(SecretKind.GROUP_PASSWORD).text().orElseThrow());
    }

    @Test
    void anAddedGroupPasswordReplacesTheStoredOne() throws Exception {
        Path editor = script("psk.sh", "echo 'b:auth-mutual-psk:bmV3LXNlY3JldA==' >> \"$1\"\n");
        assertEquals(0, edit(editor, () -> false), err);
        assertEquals("new-secret", ProfileLibrary.open().secretsOf("office").get(SecretKind.GROUP_PASSWORD)
                .text().orElseThrow());
    }

    @Test
    void anErrorChangesNothingAndExitsTwoWithFileLineAndKey() throws Exception {
        Path editor = script("bad.sh", "sed -i 's/^n:network-ike-port:500$/n:network-ike-port:99999/' \"$1\"\n");
        String before = Files.readString(home.resolve("profiles/office.json"));
        assertEquals(2, edit(editor, () -> false));
        assertTrue(err.startsWith("error: office.vpn:"), err);
        assertTrue(err.contains("network-ike-port"), err);
        assertTrue(err.contains("The profile was not changed."), err);
        assertEquals(before, Files.readString(home.resolve("profiles/office.json")));
    }

    @Test
    void afterAnErrorTheUserCanEditTheSameTextAgain() throws Exception {
        Path editor = script("twice.sh", """
                if [ -e "$WORK/once" ]; then
                  grep -q 'network-ike-port:99999' "$1" && sed -i 's/network-ike-port:99999/network-ike-port:4500/' "$1"
                else
                  touch "$WORK/once"
                  sed -i 's/^n:network-ike-port:500$/n:network-ike-port:99999/' "$1"
                fi
                """);
        AtomicInteger asked = new AtomicInteger();
        assertEquals(0, edit(editor, () -> asked.incrementAndGet() == 1), err);
        assertEquals(1, asked.get());
        assertEquals(4500, ProfileLibrary.open().load("office").gateway().ikePort());
    }

    @Test
    void noChangeOrAFailingEditorLeavesTheProfileAlone() throws Exception {
        assertEquals(0, edit(script("none.sh", "true\n"), () -> false));
        assertEquals("No changes; profile \"office\" was not changed.\n", out);
        assertEquals(1, edit(script("fail.sh", "echo x >> \"$1\"; exit 3\n"), () -> false));
        assertTrue(err.contains("exited with status 3; the profile was not changed."), err);
        assertEquals("vpn.example.net", ProfileLibrary.open().load("office").gateway().host());
    }

    @Test
    void anUnknownProfileIsBadInput() throws Exception {
        assertEquals(2, edit(script("none.sh", "true\n"), () -> false, "nope"));
    }

    private int edit(Path editor, BooleanSupplier again) {
        return edit(editor, again, "office");
    }

    private int edit(Path editor, BooleanSupplier again, String profile) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = new CommandLine(new EditCommand(Map.of("EDITOR", "WORK=" + work + " " + editor,
                "PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), again));
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(profile);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private Path script(String name, String body) throws IOException {
        Path f = work.resolve(name);
        Files.writeString(f, "#!/bin/sh\nset -e\n" + body);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        return f;
    }
}
