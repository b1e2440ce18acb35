package dev.roadwarrior.ui.tray.sni;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.interfaces.DBusInterface;

/** The part of {@code org.kde.StatusNotifierWatcher} (at {@code /StatusNotifierWatcher}) an item uses. */
@DBusInterfaceName("org.kde.StatusNotifierWatcher")
public interface StatusNotifierWatcher extends DBusInterface {

    /** The well-known bus name of the watcher. */
    String BUS_NAME = "org.kde.StatusNotifierWatcher";

    /** The watcher's object path. */
    String PATH = "/StatusNotifierWatcher";

    /** Registers an item by its bus name (or an object path on the caller's connection). */
    void RegisterStatusNotifierItem(String service);
}
