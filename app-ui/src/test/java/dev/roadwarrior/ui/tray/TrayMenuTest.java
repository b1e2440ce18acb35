package dev.roadwarrior.ui.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The menu and tooltip words for each state, without a bus. */
class TrayMenuTest {

    private static final List<String> PROFILES = List.of("office", "home");

    @Test
    void tooltipNamesTheProfileAndTheDetail() {
        assertEquals("Not connected", TrayTexts.tooltip(TrayState.disconnected(PROFILES)));
        assertEquals("Connecting to office…", TrayTexts.tooltip(
                new TrayState(TrayStatus.CONNECTING, PROFILES, Optional.of("office"), "")));
        assertEquals("Connected to office — 10.3.0.5", TrayTexts.tooltip(
                new TrayState(TrayStatus.CONNECTED, PROFILES, Optional.of("office"), "10.3.0.5")));
        assertEquals("Connection failed — The gateway did not answer.", TrayTexts.tooltip(
                new TrayState(TrayStatus.ERROR, PROFILES, Optional.empty(), "The gateway did not answer.")));
        assertEquals("Connected to it's", TrayTexts.tooltip(
                new TrayState(TrayStatus.CONNECTED, PROFILES, Optional.of("it's"), "")));
    }

    @Test
    void disconnectedOffersEveryProfile() {
        TrayMenu menu = TrayMenu.of(TrayState.disconnected(PROFILES));
        assertEquals(List.of("Connect office", "Connect home", "", "Disconnect", "", "Show window", "Quit"),
                menu.entries().stream().map(TrayMenu.Entry::label).toList());
        assertEquals(List.of(true, true, true, false, true, true, true),
                menu.entries().stream().map(TrayMenu.Entry::enabled).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), menu.entries().stream().map(TrayMenu.Entry::id).toList());
    }

    @Test
    void anErrorOffersConnectingAgainAndConnectedOffersDisconnect() {
        TrayMenu error = TrayMenu.of(new TrayState(TrayStatus.ERROR, PROFILES, Optional.of("office"), "x"));
        assertEquals(true, error.entry(1).orElseThrow().enabled());
        assertEquals(false, error.entry(1).orElseThrow().checked());
        TrayMenu connected = TrayMenu.of(new TrayState(TrayStatus.CONNECTED, PROFILES, Optional.of("home"), ""));
        assertEquals(true, connected.entry(2).orElseThrow().checked());
        assertEquals(false, connected.entry(2).orElseThrow().enabled());
        assertEquals(true, connected.entry(4).orElseThrow().enabled());
    }

    @Test
    void aNewProfileListKeepsTheConnection() {
        TrayState connected = new TrayState(TrayStatus.CONNECTED, PROFILES, Optional.of("office"), "10.3.0.5");
        TrayState renamed = connected.withProfiles(List.of("office", "lab"));
        assertEquals(List.of("office", "lab"), renamed.profiles());
        assertEquals(TrayStatus.CONNECTED, renamed.status());
        assertEquals(Optional.of("office"), renamed.activeProfile());
        assertEquals("10.3.0.5", renamed.detail());
    }

    @Test
    void noProfilesMeansNoConnectEntries() {
        assertEquals(List.of("Disconnect", "", "Show window", "Quit"),
                TrayMenu.of(TrayState.disconnected(List.of())).entries().stream().map(TrayMenu.Entry::label).toList());
    }

    @Test
    void eachStateHasAPackagedIconAtEverySize() {
        for (TrayStatus status : TrayStatus.values()) {
            for (int size : TrayIcons.SIZES) {
                assertEquals(size, TrayIcons.image(status.iconName(), size).getWidth());
            }
        }
        assertEquals(22, TrayIcons.image("roadwarrior", 22).getHeight());
        assertEquals(24, TrayIcons.sizeFor(23));
        assertEquals(256, TrayIcons.sizeFor(400));
    }
}
