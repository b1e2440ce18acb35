package dev.roadwarrior.ui.tray;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tray menu for one {@link TrayState}, shared by every backend: "Connect ‹profile›" per profile,
 * "Disconnect", "Show window", "Quit", with separators. Entry ids are 1, 2, … in menu order (0 is the
 * dbusmenu root). Immutable.
 */
public record TrayMenu(List<Entry> entries) {

    /** What an entry does. */
    public enum Action { CONNECT, DISCONNECT, SHOW_WINDOW, QUIT, SEPARATOR }

    /**
     * One menu entry.
     *
     * @param profile the profile for {@link Action#CONNECT}, otherwise empty
     * @param checked true on the connect entry of the profile that is active
     */
    public record Entry(int id, Action action, String label, Optional<String> profile, boolean enabled,
                        boolean checked) {

        /** Runs this entry's action; separators do nothing. */
        public void invoke(TrayActions actions) {
            switch (action) {
                case CONNECT -> actions.connect(profile.orElseThrow());
                case DISCONNECT -> actions.disconnect();
                case SHOW_WINDOW -> actions.showWindow();
                case QUIT -> actions.quit();
                case SEPARATOR -> { }
            }
        }
    }

    public TrayMenu {
        entries = List.copyOf(entries);
    }

    /** The menu for a state: connecting is offered only while nothing is connecting or connected. */
    public static TrayMenu of(TrayState state) {
        List<Entry> list = new ArrayList<>();
        for (String profile : state.profiles()) {
            boolean active = state.busy() && state.activeProfile().filter(profile::equals).isPresent();
            list.add(new Entry(list.size() + 1, Action.CONNECT, TrayTexts.connect(profile), Optional.of(profile),
                    !state.busy(), active));
        }
        if (!state.profiles().isEmpty()) {
            list.add(separator(list.size() + 1));
        }
        list.add(new Entry(list.size() + 1, Action.DISCONNECT, TrayTexts.disconnect(), Optional.empty(),
                state.busy(), false));
        list.add(separator(list.size() + 1));
        list.add(new Entry(list.size() + 1, Action.SHOW_WINDOW, TrayTexts.showWindow(), Optional.empty(), true,
                false));
        list.add(new Entry(list.size() + 1, Action.QUIT, TrayTexts.quit(), Optional.empty(), true, false));
        return new TrayMenu(list);
    }

    /** The entry with this id. */
    public Optional<Entry> entry(int id) {
        return entries.stream().filter(e -> e.id() == id).findFirst();
    }

    private static Entry separator(int id) {
        return new Entry(id, Action.SEPARATOR, "", Optional.empty(), true, false);
    }
}
