package dev.roadwarrior.ui.tray.sni;

import java.util.List;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The {@code com.canonical.dbusmenu} interface a tray host uses to show and click the item's menu.
 * Member names are the D-Bus names; properties (Version, Status, …) go through
 * {@code org.freedesktop.DBus.Properties}.
 */
@DBusInterfaceName("com.canonical.dbusmenu")
public interface DBusMenu extends DBusInterface {

    /** The layout below {@code parentId}, {@code recursionDepth} levels deep (-1: all): (revision, layout). */
    Pair<UInt32, MenuLayout> GetLayout(int parentId, int recursionDepth, List<String> propertyNames);

    /** The properties of these items (all items when {@code ids} is empty). */
    List<MenuItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames);

    /** One property of one item. */
    Variant<?> GetProperty(int id, String name);

    /** The user did something to an item: {@code eventId} is "clicked", "hovered", "opened" or "closed". */
    void Event(int id, String eventId, Variant<?> data, UInt32 timestamp);

    /** Several events at once; returns the ids that were not found. */
    List<Integer> EventGroup(List<MenuEvent> events);

    /** The menu below {@code id} is about to be shown; true when the host should fetch the layout again. */
    boolean AboutToShow(int id);

    /** {@link #AboutToShow} for several items: (ids needing an update, ids not found). */
    Pair<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids);

    /** The layout changed: the host fetches it again from {@code parent}. */
    class LayoutUpdated extends DBusSignal {
        public final UInt32 revision;
        public final int parent;

        public LayoutUpdated(String path, UInt32 revision, int parent) throws DBusException {
            super(path, revision, parent);
            this.revision = revision;
            this.parent = parent;
        }
    }
}
