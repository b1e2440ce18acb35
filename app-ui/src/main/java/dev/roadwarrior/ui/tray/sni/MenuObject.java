package dev.roadwarrior.ui.tray.sni;

import dev.roadwarrior.ui.tray.TrayActions;
import dev.roadwarrior.ui.tray.TrayMenu;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.freedesktop.dbus.errors.InvalidMethodArgument;
import org.freedesktop.dbus.errors.PropertyReadOnly;
import org.freedesktop.dbus.errors.UnknownInterface;
import org.freedesktop.dbus.errors.UnknownProperty;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The exported {@code com.canonical.dbusmenu} object at {@code /MenuBar}: serves the current
 * {@link TrayMenu} and turns "clicked" events into {@link TrayActions} calls.
 *
 * <p>Threading: {@link #setMenu} from the backend's caller; the D-Bus methods on dbus-java worker
 * threads, which also run the actions. The menu and its revision change together in one volatile field.
 */
final class MenuObject implements DBusMenu, Properties {

    static final String PATH = "/MenuBar";
    private static final String INTERFACE = "com.canonical.dbusmenu";
    private static final Logger LOG = Logger.getLogger(MenuObject.class.getName());

    private record Revision(int number, TrayMenu menu) { }

    private final TrayActions actions;
    private volatile Revision current;

    MenuObject(TrayMenu menu, TrayActions actions) {
        this.actions = actions;
        this.current = new Revision(1, menu);
    }

    /** Replaces the menu; returns the new layout revision (for {@code LayoutUpdated}). */
    synchronized int setMenu(TrayMenu menu) {
        current = new Revision(current.number() + 1, menu);
        return current.number();
    }

    @Override
    public Pair<UInt32, MenuLayout> GetLayout(int parentId, int recursionDepth, List<String> propertyNames) {
        Revision r = current;
        MenuLayout layout;
        if (parentId == 0) {
            List<Variant<?>> children = new ArrayList<>();
            if (recursionDepth != 0) {
                for (TrayMenu.Entry e : r.menu().entries()) {
                    children.add(new Variant<>(new MenuLayout(e.id(), filter(properties(e), propertyNames), List.of())));
                }
            }
            layout = new MenuLayout(0, filter(rootProperties(), propertyNames), children);
        } else {
            TrayMenu.Entry e = find(r.menu(), parentId);
            layout = new MenuLayout(e.id(), filter(properties(e), propertyNames), List.of());
        }
        return new Pair<>(new UInt32(r.number()), layout);
    }

    @Override
    public List<MenuItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames) {
        TrayMenu menu = current.menu();
        List<MenuItemProperties> out = new ArrayList<>();
        for (TrayMenu.Entry e : menu.entries()) {
            if (ids.isEmpty() || ids.contains(e.id())) {
                out.add(new MenuItemProperties(e.id(), filter(properties(e), propertyNames)));
            }
        }
        if (ids.contains(0)) {
            out.add(0, new MenuItemProperties(0, filter(rootProperties(), propertyNames)));
        }
        return out;
    }

    @Override
    public Variant<?> GetProperty(int id, String name) {
        Map<String, Variant<?>> props = id == 0 ? rootProperties() : properties(find(current.menu(), id));
        Variant<?> value = props.get(name);
        if (value == null) {
            throw new UnknownProperty("menu item " + id + " has no property " + name);
        }
        return value;
    }

    @Override
    public void Event(int id, String eventId, Variant<?> data, UInt32 timestamp) {
        if (!"clicked".equals(eventId) || id == 0) {
            return;
        }
        find(current.menu(), id);
        click(id);
    }

    @Override
    public List<Integer> EventGroup(List<MenuEvent> events) {
        TrayMenu menu = current.menu();
        List<Integer> notFound = new ArrayList<>();
        for (MenuEvent event : events) {
            if (event.id != 0 && menu.entry(event.id).isEmpty()) {
                notFound.add(event.id);
            } else if ("clicked".equals(event.eventId) && event.id != 0) {
                click(event.id);
            }
        }
        return notFound;
    }

    @Override
    public boolean AboutToShow(int id) {
        return false;
    }

    @Override
    public Pair<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids) {
        TrayMenu menu = current.menu();
        List<Integer> notFound = ids.stream().filter(id -> id != 0 && menu.entry(id).isEmpty()).toList();
        return new Pair<>(List.of(), notFound);
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
        return Map.of("Version", new Variant<>(new UInt32(3)),
                "TextDirection", new Variant<>("ltr"),
                "Status", new Variant<>("normal"),
                "IconThemePath", new Variant<>(List.of(), "as"));
    }

    @Override
    public String getObjectPath() {
        return PATH;
    }

    private void click(int id) {
        Optional<TrayMenu.Entry> entry = current.menu().entry(id).filter(TrayMenu.Entry::enabled);
        try {
            entry.ifPresent(e -> e.invoke(actions));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A tray menu action failed", e);
        }
    }

    private static TrayMenu.Entry find(TrayMenu menu, int id) {
        return menu.entry(id).orElseThrow(() -> new InvalidMethodArgument("no menu item " + id));
    }

    private static Map<String, Variant<?>> rootProperties() {
        return Map.of("children-display", new Variant<>("submenu"));
    }

    private static Map<String, Variant<?>> properties(TrayMenu.Entry e) {
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        if (e.action() == TrayMenu.Action.SEPARATOR) {
            p.put("type", new Variant<>("separator"));
            return p;
        }
        p.put("label", new Variant<>(e.label().replace("_", "__")));
        p.put("enabled", new Variant<>(e.enabled()));
        p.put("visible", new Variant<>(true));
        if (e.checked()) {
            p.put("toggle-type", new Variant<>("checkmark"));
            p.put("toggle-state", new Variant<>(1));
        }
        return p;
    }

    private static Map<String, Variant<?>> filter(Map<String, Variant<?>> all, List<String> names) {
        if (names.isEmpty()) {
            return all;
        }
        Map<String, Variant<?>> out = new LinkedHashMap<>(all);
        out.keySet().retainAll(names);
        return out;
    }
}
