package dev.roadwarrior.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roadwarrior.profiles.RoadwarriorPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The profile commands, run in-process against a temporary {@code roadwarrior.home}. Input files
 * are written here, so these tests do not depend on the profiles module's fixtures.
 */
class ProfileCommandsTest {

    private static final String SITE = String.join("\n",
            "n:version:4",
            "s:network-host:vpn.example.net",
            "n:network-ike-port:500",
            "s:client-auto-mode:pull",
            "s:client-iface:virtual",
            "s:auth-method:mutual-psk-xauth",
            "s:ident-client-type:keyid",
            "s:ident-client-data:GROUP",
            "s:ident-server-type:any",
            "b:auth-mutual-psk:RGFjVnBuVGVsMjAyMQ==",
            "s:phase1-exchange:aggressive",
            "s:phase1-cipher:auto",
            "s:phase1-hash:auto",
            "n:phase1-dhgroup:2",
            "s:phase2-transform:auto",
            "s:phase2-hmac:auto",
            "s:ipcomp-transform:disabled",
            "s:policy-list-include:10.1.0.0 / 255.255.0.0",
            "n:policy-list-auto:0",
            "s:client-saved-username:CORP\\jdoe",
            "");

    @TempDir
    Path home;
    @TempDir
    Path work;

    private String out;
    private String err;

    @BeforeEach
    void useTemporaryHome() {
        System.setProperty(RoadwarriorPaths.HOME_PROPERTY, home.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(RoadwarriorPaths.HOME_PROPERTY);
    }

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = RoadwarriorCommand.commandLine();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    private Path write(String name, String content) throws IOException {
        Path f = work.resolve(name);
        Files.writeString(f, content, StandardCharsets.ISO_8859_1);
        return f;
    }

    @Test
    void importListShowExportReimportDelete() throws Exception {
        Path site = write("office.site.vpn", SITE);
        assertEquals(0, run("import", site.toString()), err);
        assertEquals("", err);
        assertTrue(out.startsWith("Imported profile \"office\" (vpn.example.net, mutual-psk-xauth)."), out);
        assertFalse(Files.readString(home.resolve("profiles/office.json")).contains("DacVpnTel2021"));
        assertEquals("rw-------", mode(home.resolve("profiles/office.json")));
        assertEquals("rw-------", mode(home.resolve("secrets.json")));

        assertEquals(0, run("list"));
        assertEquals("office  vpn.example.net  mutual-psk-xauth\n", out);

        assertEquals(0, run("show", "office"));
        assertTrue(out.contains("  Group password:      (stored)\n"), out);
        assertTrue(out.contains("User name:             CORP\\jdoe\n"), out);
        assertTrue(out.contains("  Include:             10.1.0.0 / 255.255.0.0\n"), out);
        assertTrue(out.endsWith("Ready to connect.\n"), out);
        assertFalse(out.contains("DacVpnTel2021"));
        assertEquals(0, run("show", "office", "--reveal-secrets"));
        assertTrue(out.contains("  Group password:      DacVpnTel2021\n"), out);

        Path exported = work.resolve("out.vpn");
        assertEquals(0, run("export", "office", exported.toString()));
        assertEquals("rw-------", mode(exported));
        assertTrue(Files.readString(exported).contains("\nb:auth-mutual-psk:RGFjVnBuVGVsMjAyMQ==\n"));
        assertEquals(0, run("import", exported.toString(), "--name", "office copy"));
        assertEquals(0, run("show", "office copy", "--json"));
        JsonNode copy = new ObjectMapper().readTree(out);
        assertEquals(0, run("show", "office", "--json"));
        JsonNode original = new ObjectMapper().readTree(out);
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).put("name", "office");
        assertEquals(original, copy);

        assertEquals(0, run("delete", "office copy"));
        assertEquals(0, run("list"));
        assertEquals("office  vpn.example.net  mutual-psk-xauth\n", out);
    }

    @Test
    void jsonHidesSecretsUnlessAsked() throws Exception {
        assertEquals(0, run("import", write("s.vpn", SITE).toString()));
        assertEquals(0, run("show", "s", "--json"));
        JsonNode json = new ObjectMapper().readTree(out);
        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals("vpn.example.net", json.at("/gateway/host").asText());
        assertEquals("(stored)", json.at("/secrets/groupPassword").asText());
        assertFalse(json.path("secrets").has("xauthPassword"));
        assertFalse(out.contains("DacVpnTel2021"));
        assertEquals(0, run("show", "s", "--json", "--reveal-secrets"));
        assertEquals("DacVpnTel2021", new ObjectMapper().readTree(out).at("/secrets/groupPassword").asText());
    }

    @Test
    void templatesImportWithWarningsAndShowReportsThePlaceholder() throws Exception {
        Path t = write("RTK.vpn.sample", SITE.replace("vpn.example.net", "{{ VPN_IP }}")
                .replace("RGFjVnBuVGVsMjAyMQ==", "{{ VPN_PSK }}"));
        assertEquals(0, run("import", t.toString()));
        assertTrue(err.contains("warning: RTK.vpn.sample:2: network-host: \"{{ VPN_IP }}\" is a template placeholder"),
                err);
        assertTrue(err.contains("warning: RTK.vpn.sample:10: auth-mutual-psk: \"{{ VPN_PSK }}\""), err);
        assertEquals(0, run("show", "RTK"));
        assertTrue(out.contains("Not ready to connect:\n  RTK: network-host: \"{{ VPN_IP }}\" is a template placeholder"),
                out);
        assertEquals(0, run("show", "RTK", "--json"));
        assertEquals(2, new ObjectMapper().readTree(out).get("problems").size());
    }

    @Test
    void badInputExitsTwoWithWordsNotStackTraces() throws Exception {
        Path bad = write("bad.vpn", SITE.replace("n:network-ike-port:500", "n:network-ike-port:99999"));
        assertEquals(2, run("import", bad.toString()));
        assertEquals("error: bad.vpn:3: network-ike-port: 99999 is out of range (allowed: 1 to 65535)\n", err);
        assertEquals(2, run("import", write("notes.vpn", "just some text\n").toString()));
        assertTrue(err.startsWith("error: notes.vpn: this is not a .vpn profile"), err);
        assertEquals(2, run("import", work.resolve("missing.vpn").toString()));
        assertEquals("error: missing.vpn: cannot read the file: no such file\n", err);
        assertEquals(2, run("show", "nope"));
        assertEquals("error: there is no profile named \"nope\"\n", err);
        assertEquals(2, run("delete", "nope"));
        assertEquals(2, run("export", "nope", work.resolve("x.vpn").toString()));
        assertEquals(2, run("import"));
        assertEquals(2, run("show", "a", "--bogus"));
        assertEquals(2, run("import", write(".hidden.vpn", SITE).toString()));
        assertTrue(err.startsWith("error: cannot use \"\" as a profile name"), err);
        for (String text : new String[] {out, err}) {
            assertFalse(text.contains("Exception"), text);
            assertFalse(text.contains("\tat "), text);
        }
    }

    @Test
    void aNameClashIsRefusedAndTheStoredProfileKept() throws Exception {
        Path site = write("dup.vpn", SITE);
        assertEquals(0, run("import", site.toString()));
        String before = Files.readString(home.resolve("profiles/dup.json"));
        Path other = write("dup.other.vpn", SITE.replace("vpn.example.net", "other.example.net"));
        assertEquals(2, run("import", other.toString()));
        assertEquals("error: a profile named \"dup\" already exists; pick another name with --name, "
                + "or delete the old one first\n", err);
        assertEquals(2, run("import", other.toString(), "--name", "dup"));
        assertEquals(before, Files.readString(home.resolve("profiles/dup.json")));
        assertEquals(0, run("import", other.toString(), "--name", "dup2"));
        assertEquals(0, run("list"));
        assertEquals("dup   vpn.example.net    mutual-psk-xauth\ndup2  other.example.net  mutual-psk-xauth\n", out);
    }

    @Test
    void pcfImport() throws Exception {
        Path pcf = work.resolve("cisco.pcf");
        Files.write(pcf, ("[main]\r\nDescription=Caf\u00e9\r\n!Host=10.20.30.40\r\n!AuthType=1\r\n!GroupName=grp\r\n"
                + "enc_GroupPwd=9196FE0075E359E6A2486905A1EFAE9A11D652B2C588EF3FBA15574237302B74C194EC7D0DD16645CB534D94CE85FEC4\r\n"
                + "Username=bsmith\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(0, run("import", pcf.toString()));
        assertEquals(0, run("show", "cisco", "--reveal-secrets"));
        assertTrue(out.contains("Description:           Caf\u00e9\n"), out);
        assertTrue(out.contains("  Group password:      letmein\n"), out);
        assertEquals(0, run("list"));
        assertEquals("cisco  10.20.30.40  mutual-psk-xauth\n", out);
    }

    @Test
    void emptyListSaysHowToStart() {
        assertEquals(0, run("list"));
        assertEquals("", out);
        assertTrue(err.contains("roadwarrior import FILE"), err);
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
