package dev.roadwarrior.ui.tray.sni;

import dev.roadwarrior.ui.tray.TrayActions;
import dev.roadwarrior.ui.tray.TrayIcons;
import dev.roadwarrior.ui.tray.TrayState;
import dev.roadwarrior.ui.tray.TrayStatus;
import dev.roadwarrior.ui.tray.TrayTexts;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.errors.PropertyReadOnly;
import org.freedesktop.dbus.errors.UnknownInterface;
import org.freedesktop.dbus.errors.UnknownProperty;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.Variant;

/**
 * The exported {@code org.kde.StatusNotifierItem} object at {@code /StatusNotifierItem}: its
 * properties follow the last {@link TrayState}; a left click shows the window.
 *
 * <p>Threading: {@link #setState} from the backend's caller; D-Bus methods on dbus-java worker threads.
 * The state is one volatile field; the pixmaps are read once at construction.
 */
final class ItemObject implements StatusNotifierItem, Properties {

    static final String PATH = "/StatusNotifierItem";
    private static final String INTERFACE = "org.kde.StatusNotifierItem";
    private static final String PIXMAPS = "a(iiay)";
    private static final List<Integer> PIXMAP_SIZES = List.of(16, 22, 24, 32, 48, 64);
    private static final Logger LOG = Logger.getLogger(ItemObject.class.getName());

    private final TrayActions actions;
    private final Map<TrayStatus, List<Pixmap>> pixmaps = new EnumMap<>(TrayStatus.class);
    private volatile TrayState state;

    ItemObject(TrayState state, TrayActions actions) {
        this.state = state;
        this.actions = actions;
        for (TrayStatus status : TrayStatus.values()) {
            pixmaps.put(status, PIXMAP_SIZES.stream().map(size -> pixmap(status.iconName(), size)).toList());
        }
    }

    void setState(TrayState newState) {
        state = newState;
    }

    /** The {@code Status} property for a state: NeedsAttention on error, Active otherwise. */
    static String status(TrayStatus status) {
        return status == TrayStatus.ERROR ? "NeedsAttention" : "Active";
    }

    @Override
    public void Activate(int x, int y) {
        showWindow();
    }

    @Override
    public void SecondaryActivate(int x, int y) {
        // Middle click: nothing (a click on the icon already opens the window).
    }

    @Override
    public void ContextMenu(int x, int y) {
        // Hosts that cannot show our dbusmenu ask us to show a menu; the window has every action.
        showWindow();
    }

    @Override
    public void Scroll(int delta, String orientation) {
        // Scrolling over the icon means nothing for a VPN client.
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A> A Get(String interfaceName, String propertyName) {
        Variant<?> value = GetAll(interfaceName).get(propertyName);
        if (value == null) {
            throw new UnknownProperty(propertyName);
        }
        return (A) value;
    }

    @Override
    public <A> void Set(String interfaceName, String propertyName, A value) {
        throw new PropertyReadOnly(propertyName);
    }

    @Override
    public Map<String, Variant<?>> GetAll(String interfaceName) {
        if (!INTERFACE.equals(interfaceName) && !interfaceName.isEmpty()) {
            throw new UnknownInterface(interfaceName);
        }
        TrayState s = state;
        String icon = s.status().iconName();
        List<Pixmap> images = pixmaps.get(s.status());
        return Map.ofEntries(
                Map.entry("Category", new Variant<>("ApplicationStatus")),
                Map.entry("Id", new Variant<>("roadwarrior")),
                Map.entry("Title", new Variant<>(TrayTexts.title())),
                Map.entry("Status", new Variant<>(status(s.status()))),
                Map.entry("WindowId", new Variant<>(0)),
                Map.entry("IconThemePath", new Variant<>("")),
                Map.entry("IconName", new Variant<>(icon)),
                Map.entry("IconPixmap", new Variant<>(images, PIXMAPS)),
                Map.entry("OverlayIconName", new Variant<>("")),
                Map.entry("OverlayIconPixmap", new Variant<>(List.of(), PIXMAPS)),
                Map.entry("AttentionIconName", new Variant<>(icon)),
                Map.entry("AttentionIconPixmap", new Variant<>(images, PIXMAPS)),
                Map.entry("AttentionMovieName", new Variant<>("")),
                Map.entry("ToolTip", new Variant<>(new ToolTip(icon, List.of(), TrayTexts.title(),
                        TrayTexts.tooltip(s)))),
                Map.entry("ItemIsMenu", new Variant<>(false)),
                Map.entry("Menu", new Variant<>(new DBusPath(MenuObject.PATH))));
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    private void showWindow() {
        try {
            actions.showWindow();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Showing the window from the tray failed", e);
        }
    }

    private static Pixmap pixmap(String iconName, int size) {
        BufferedImage image = TrayIcons.image(iconName, size);
        return new Pixmap(image.getWidth(), image.getHeight(), TrayIcons.argb32(image));
    }
}
