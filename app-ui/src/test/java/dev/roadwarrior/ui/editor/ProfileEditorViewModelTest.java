package dev.roadwarrior.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.profiles.model.AdapterMode;
import dev.roadwarrior.profiles.model.AuthMethod;
import dev.roadwarrior.profiles.model.Cipher;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.secrets.Secret;
import dev.roadwarrior.profiles.secrets.SecretKind;
import dev.roadwarrior.ui.FakeDialogs;
import dev.roadwarrior.ui.TestLibrary;
import dev.roadwarrior.ui.common.ProfileService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's ViewModel on a real library, without the FX thread. */
class ProfileEditorViewModelTest {

    @TempDir
    Path dir;

    private ProfileService service;
    private final FakeDialogs dialogs = new FakeDialogs();
    private ProfileEditorViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        service = TestLibrary.service(dir);
        service.importFile(TestLibrary.vpnFile(dir, "lab.vpn", "203.0.113.2"), Optional.empty());
        vm = new ProfileEditorViewModel(service, dialogs, Runnable::run, Runnable::run);
        vm.open("lab");
    }

    @Test
    void loadsEverySectionAndItsSecrets() {
        assertTrue(vm.valid().get());
        assertEquals("lab", vm.network.name.text().get());
        assertEquals("203.0.113.2", vm.network.host.text().get());
        assertEquals(AuthMethod.MUTUAL_PSK_XAUTH, vm.security.method.value().get());
        assertEquals("rwgroup-secret", vm.security.groupPassword.text().get());
        assertFalse(vm.security.groupPassword.revealed().get());
        assertEquals("alice", vm.security.savedUsername.text().get());
        assertEquals("256", vm.security.phase1KeyLength.text().get());
        assertEquals("Edit profile lab", vm.title().get());
    }

    @Test
    void showsTheImportersReasonsAtTheFieldAndRefusesToSave() {
        vm.network.host.text().set("{{ VPN_IP }}");
        assertEquals("\"{{ VPN_IP }}\" is a template placeholder, not a real value; edit the profile before connecting",
                vm.network.host.error().get());
        assertFalse(vm.valid().get());
        assertFalse(vm.save(() -> { }));
        vm.network.host.text().set("gw..example");
        assertEquals("\"gw..example\" is not a host name or IPv4 address", vm.network.host.error().get());
        vm.network.host.text().set("gw.example.org");
        assertEquals("", vm.network.host.error().get());
        vm.network.mtu.text().set("9000");
        assertEquals("9000 is out of range (allowed: 68 to 1500)", vm.network.mtu.error().get());
        vm.network.mtu.text().set("12a");
        assertEquals("\"12a\" is not a number", vm.network.mtu.error().get());
        vm.network.mtu.text().set("1380");
        vm.security.phase1Cipher.value().set(Cipher.AES);
        vm.security.phase1KeyLength.text().set("100");
        assertEquals("\"100\" is not a valid value (allowed: 0, 128, 192, 256)", vm.security.phase1KeyLength.error().get());
        vm.security.phase1KeyLength.text().set("128");
        vm.security.include.text().set("10.1.0.0/16\n10.2.0.0 / 255.255.0.0\nnonsense");
        assertEquals("\"nonsense\" is not a network written as \"address / netmask\"", vm.security.include.error().get());
        vm.security.include.text().set("10.1.0.0/16\n10.2.0.0 / 255.255.0.0");
        assertTrue(vm.valid().get());
    }

    @Test
    void needsTheAddressTheAdapterModeAsksFor() {
        vm.network.adapterMode.value().set(AdapterMode.RANDOM);
        assertEquals("Required", vm.network.address.error().get());
        vm.network.address.text().set("10.9.0.0");
        vm.network.netmask.text().set("255.0.255.0");
        assertEquals("\"255.0.255.0\" is not a valid netmask", vm.network.netmask.error().get());
        vm.network.netmask.text().set("255.255.0.0");
        assertTrue(vm.valid().get());
    }

    @Test
    void needsTheGroupPasswordAndCertificatesTheMethodUses() {
        vm.security.groupPassword.text().set("");
        assertEquals("Authentication \"mutual-psk-xauth\" needs a group password (pre-shared key), but none is stored",
                vm.security.groupPassword.error().get());
        vm.security.method.value().set(AuthMethod.HYBRID_RSA_XAUTH);
        assertEquals("", vm.security.groupPassword.error().get());
        assertEquals("Authentication \"hybrid-rsa-xauth\" needs this certificate or key, but the profile has none",
                vm.security.serverCertificate.error().get());
        assertFalse(vm.valid().get());
    }

    @Test
    void picksACertificateFromAFile() throws Exception {
        vm.security.method.value().set(AuthMethod.HYBRID_RSA_XAUTH);
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        dialogs.files.push(Optional.of(ca));
        vm.pickCertificate(vm.security.serverCertificate);
        assertEquals("ca.pem (" + Files.size(ca) + " bytes)", vm.security.serverCertificate.description().get());
        assertTrue(vm.valid().get());
    }

    @Test
    void savesTheProfileAndItsSecretsUnderANewName() throws Exception {
        vm.network.name.text().set("office");
        vm.network.host.text().set("vpn.example.org");
        vm.security.groupPassword.text().set("new-group-secret");
        vm.security.xauthPassword.text().set("alice-password");
        assertFalse(vm.network.killSwitch.get(), "off by default");
        vm.network.killSwitch.set(true);
        AtomicBoolean saved = new AtomicBoolean();
        assertTrue(vm.save(() -> saved.set(true)));
        assertTrue(saved.get());
        assertFalse(service.exists("lab"));
        Profile p = service.load("office");
        assertEquals("vpn.example.org", p.gateway().host());
        assertTrue(p.killSwitch());
        assertEquals(Secret.ofText("new-group-secret"), service.secrets("office").get(SecretKind.GROUP_PASSWORD));
        assertEquals(Secret.ofText("alice-password"), service.secrets("office").get(SecretKind.XAUTH_PASSWORD));
        assertFalse(Files.readString(dir.resolve("profiles/office.json")).contains("new-group-secret"));
    }

    @Test
    void refusesTheNameOfAnotherProfile() throws Exception {
        service.importFile(TestLibrary.vpnFile(dir, "office.vpn", "203.0.113.2"), Optional.empty());
        vm.network.name.text().set("office");
        assertEquals("A profile named \"office\" already exists", vm.network.name.error().get());
        vm.network.name.text().set(".hidden");
        assertTrue(vm.network.name.error().get().startsWith("Letters, digits"));
        assertFalse(vm.valid().get());
    }

    @Test
    void createsANewProfile() throws Exception {
        ProfileEditorViewModel fresh = new ProfileEditorViewModel(service, dialogs, Runnable::run, Runnable::run);
        fresh.openNew();
        assertEquals("Required", fresh.network.host.error().get());
        fresh.network.name.text().set("home");
        fresh.network.host.text().set("198.51.100.7");
        assertFalse(fresh.valid().get(), "hybrid RSA needs the gateway's CA certificate");
        fresh.security.method.value().set(AuthMethod.MUTUAL_PSK_XAUTH);
        fresh.security.groupPassword.text().set("group-secret");
        assertTrue(fresh.valid().get());
        assertTrue(fresh.save(() -> { }));
        assertEquals("198.51.100.7", service.load("home").gateway().host());
    }
}
