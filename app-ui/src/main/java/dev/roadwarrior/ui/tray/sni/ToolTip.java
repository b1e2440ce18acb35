package dev.roadwarrior.ui.tray.sni;

import java.util.List;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;

/** The {@code ToolTip} property {@code (sa(iiay)ss)}: icon name, icon pixmaps, title, description. */
public final class ToolTip extends Struct {
    @Position(0)
    public final String iconName;
    @Position(1)
    public final List<Pixmap> iconPixmaps;
    @Position(2)
    public final String title;
    @Position(3)
    public final String description;

    public ToolTip(String iconName, List<Pixmap> iconPixmaps, String title, String description) {
        this.iconName = iconName;
        this.iconPixmaps = iconPixmaps;
        this.title = title;
        this.description = description;
    }
}
