package dev.roadwarrior.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings and the autostart entry, without the FX thread. */
class SettingsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void writesAndRemovesTheAutostartEntryAndKeepsTheSettings() throws Exception {
        Path entry = dir.resolve("autostart/roadwarrior.desktop");
        SettingsStore store = new SettingsStore(dir.resolve("settings.properties"));
        SettingsViewModel vm = new SettingsViewModel(store, new Autostart(entry, "/opt/road warrior/bin/roadwarrior"), true);
        vm.reset(List.of("lab", "office & co"));
        assertEquals("lab", vm.loginProfile().get());
        vm.connectAtLogin().set(true);
        vm.loginProfile().set("office & co");
        vm.startMinimised().set(true);
        vm.notifications().set(false);
        assertTrue(vm.save());
        String text = Files.readString(entry);
        assertTrue(text.contains("Exec=\"/opt/road warrior/bin/roadwarrior\" --connect \"office & co\"\n"), text);
        assertTrue(text.startsWith("[Desktop Entry]\nType=Application\n"));
        assertEquals(new AppSettings(true, Optional.of("office & co"), false), store.load());
        assertEquals(store.load(), vm.current().get());

        vm.connectAtLogin().set(false);
        assertTrue(vm.save());
        assertFalse(Files.exists(entry));
        assertEquals(Optional.empty(), store.load().connectAtLogin());
    }

    @Test
    void quotesTheExecArguments() {
        assertEquals("\"a\\\\\"b\\\\$c\"", Autostart.escape(Autostart.quote("a\"b$c")));
    }

    @Test
    void withoutATrayTheAppNeverStartsMinimised() {
        SettingsStore store = new SettingsStore(dir.resolve("settings.properties"));
        SettingsViewModel vm = new SettingsViewModel(store, new Autostart(dir.resolve("a.desktop"), "roadwarrior"), false);
        vm.startMinimised().set(true);
        vm.reset(List.of());
        assertFalse(vm.startMinimised().get());
        vm.connectAtLogin().set(true);
        assertTrue(vm.incomplete().get());
    }
}
