package dev.roadwarrior.ui.tray.sni;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;

/**
 * The freedesktop/KDE {@code org.kde.StatusNotifierItem} interface: the methods a tray host calls on
 * the item, and the signals that tell it to read the properties again. Member names are the D-Bus
 * names. Properties (IconName, ToolTip, Status, …) are served through {@code org.freedesktop.DBus.Properties}.
 */
@DBusInterfaceName("org.kde.StatusNotifierItem")
public interface StatusNotifierItem extends DBusInterface {

    /** Left click at screen position (x, y). */
    void Activate(int x, int y);

    /** Middle click. */
    void SecondaryActivate(int x, int y);

    /** The host asks the item to show its own context menu (only hosts that ignore {@code Menu} call it). */
    void ContextMenu(int x, int y);

    /** Mouse wheel over the icon. */
    void Scroll(int delta, String orientation);

    /** The icon properties changed. */
    class NewIcon extends DBusSignal {
        public NewIcon(String path) throws DBusException {
            super(path);
        }
    }

    /** The tooltip changed. */
    class NewToolTip extends DBusSignal {
        public NewToolTip(String path) throws DBusException {
            super(path);
        }
    }

    /** The status changed to {@code status} (Passive, Active or NeedsAttention). */
    class NewStatus extends DBusSignal {
        public final String status;

        public NewStatus(String path, String status) throws DBusException {
            super(path, status);
            this.status = status;
        }
    }
}
