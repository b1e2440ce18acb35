package dev.roadwarrior.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.profiles.secrets.SecretKind;
import dev.roadwarrior.ui.FakeDialogs;
import dev.roadwarrior.ui.TestLibrary;
import dev.roadwarrior.ui.common.ProfileService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's ViewModel on a real profile library in a temporary directory, without the FX thread. */
class MainWindowViewModelTest {

    @TempDir
    Path dir;

    private ProfileService service;
    private final FakeDialogs dialogs = new FakeDialogs();
    private final RecordingConnections connections = new RecordingConnections();
    private final List<String> opened = new ArrayList<>();
    private MainWindowViewModel vm;

    @BeforeEach
    void setUp() {
        service = TestLibrary.service(dir);
        Navigator navigator = new Navigator() {
            @Override
            public void openEditor(Optional<String> profile) {
                opened.add("editor " + profile.orElse("(new)"));
            }

            @Override
            public void openSettings() {
                opened.add("settings");
            }
        };
        vm = new MainWindowViewModel(service, dialogs, navigator, connections, Runnable::run, Runnable::run);
    }

    private List<String> names() {
        return vm.rows().stream().map(ProfileRow::name).toList();
    }

    @Test
    void startsEmptyAndImportsAFileWithItsWarnings() throws Exception {
        vm.reload();
        assertTrue(vm.empty().get());
        vm.importFile(TestLibrary.vpnFile(dir, "office.vpn", "{{ VPN_IP }}"));
        assertEquals(List.of("office"), names());
        assertFalse(vm.empty().get());
        assertEquals("office", vm.selected().get().name());
        assertTrue(dialogs.last().startsWith("inform: Profile \"office\" was imported"), dialogs.last());
        assertTrue(dialogs.last().contains("Line 2: network-host: \"{{ VPN_IP }}\" is a template placeholder"),
                dialogs.last());
        assertTrue(vm.rows().get(0).problem().orElseThrow().contains("template placeholder"));
        assertTrue(connections.calls.contains("track office"));
    }

    @Test
    void asksForAnotherNameWhenTheNameIsTaken() throws Exception {
        Path file = TestLibrary.vpnFile(dir, "lab.vpn", "203.0.113.2");
        vm.importFile(file);
        dialogs.texts.push(Optional.of("lab second"));
        vm.importFile(file);
        assertEquals(List.of("lab", "lab second"), names());
        assertTrue(dialogs.shown.contains("ask: A profile named \"lab\" already exists. Name for the imported profile:"));
    }

    @Test
    void showsAnImportErrorInWords() throws Exception {
        Path file = dir.resolve("broken.vpn");
        java.nio.file.Files.write(file, new byte[] {0, 1, 2, 3, 0, 0});
        vm.importFile(file);
        assertTrue(vm.rows().isEmpty());
        assertTrue(dialogs.last().startsWith("error: Cannot import broken.vpn: "), dialogs.last());
    }

    @Test
    void offersAHandedOverFileBeforeImporting() throws Exception {
        Path file = TestLibrary.vpnFile(dir, "lab.vpn", "203.0.113.2");
        dialogs.confirms.push(false);
        vm.offerImport(file);
        assertTrue(service.library().profiles().names().isEmpty());
        dialogs.confirms.push(true);
        vm.offerImport(file);
        assertEquals(List.of("lab"), names());
    }

    @Test
    void renamesDuplicatesAndDeletesWithTheSecrets() throws Exception {
        vm.importFile(TestLibrary.vpnFile(dir, "lab.vpn", "203.0.113.2"));
        dialogs.texts.push(Optional.of("office"));
        vm.rename();
        assertEquals(List.of("office"), names());
        assertTrue(service.secrets("office").containsKey(SecretKind.GROUP_PASSWORD));
        assertFalse(service.secrets("lab").containsKey(SecretKind.GROUP_PASSWORD));
        vm.duplicate();
        assertEquals(List.of("office", "office (copy)"), names());
        assertEquals(service.secrets("office"), service.secrets("office (copy)"));
        assertEquals("office (copy)", vm.selected().get().name());
        dialogs.confirms.push(false);
        vm.delete();
        assertEquals(2, vm.rows().size());
        dialogs.confirms.push(true);
        vm.delete();
        assertEquals(List.of("office"), names());
        assertTrue(service.secrets("office (copy)").isEmpty());
    }

    @Test
    void refusesARenameToATakenName() throws Exception {
        vm.importFile(TestLibrary.vpnFile(dir, "lab.vpn", "203.0.113.2"));
        vm.importFile(TestLibrary.vpnFile(dir, "office.vpn", "203.0.113.2"));
        vm.selected().set(vm.rows().get(0));
        dialogs.texts.push(Optional.of("office"));
        vm.rename();
        assertEquals("error: A profile named \"office\" already exists", dialogs.last());
        assertEquals(List.of("lab", "office"), names());
    }

    @Test
    void exportsAVpnFile() throws Exception {
        vm.importFile(TestLibrary.vpnFile(dir, "lab.vpn", "203.0.113.2"));
        Path out = dir.resolve("out.vpn");
        dialogs.files.push(Optional.of(out));
        vm.export();
        assertTrue(java.nio.file.Files.readString(out).contains("s:network-host:203.0.113.2"));
    }

    @Test
    void togglesAndOpensWindows() throws Exception {
        vm.importFile(TestLibrary.vpnFile(dir, "lab.vpn", "203.0.113.2"));
        ProfileRow row = vm.rows().get(0);
        vm.toggle(row);
        row.active().set(true);
        vm.toggleSelected();
        assertTrue(connections.calls.containsAll(List.of("connect lab", "disconnect lab")));
        dialogs.texts.push(Optional.of("other"));
        vm.rename();
        assertEquals("error: Disconnect \"lab\" first.", dialogs.last());
        vm.add();
        vm.edit();
        vm.openSettings();
        assertEquals(List.of("editor (new)", "editor lab", "settings"), opened);
    }

    @Test
    void acceptsOnlyProfileFilesForDragAndDrop() {
        assertTrue(MainWindowViewModel.importable(Path.of("/x/Office.VPN")));
        assertTrue(MainWindowViewModel.importable(Path.of("/x/a.pcf")));
        assertTrue(MainWindowViewModel.importable(Path.of("/x/RTK.vpn.sample")));
        assertFalse(MainWindowViewModel.importable(Path.of("/x/photo.png")));
    }
}
