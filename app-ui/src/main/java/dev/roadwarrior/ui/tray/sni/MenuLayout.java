package dev.roadwarrior.ui.tray.sni;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.types.Variant;

/** A dbusmenu layout node {@code (ia{sv}av)}: id, properties, children (each a variant holding a node). */
public final class MenuLayout extends Struct {
    @Position(0)
    public final int id;
    @Position(1)
    public final Map<String, Variant<?>> properties;
    @Position(2)
    public final List<Variant<?>> children;

    public MenuLayout(int id, Map<String, Variant<?>> properties, List<Variant<?>> children) {
        this.id = id;
        this.properties = properties;
        this.children = children;
    }
}
