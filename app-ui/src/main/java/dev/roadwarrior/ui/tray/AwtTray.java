package dev.roadwarrior.ui.tray;

import java.awt.AWTException;
import java.awt.EventQueue;
import java.awt.Image;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The tray as an AWT {@link SystemTray} icon (XEmbed on Linux), for desktops with an old-style tray
 * and no StatusNotifierWatcher. Left click shows the window; right click opens the same menu as the
 * StatusNotifierItem.
 *
 * <p>Threading: {@link #show} and {@link #close} from any thread; the icon is changed on the AWT event
 * thread, which also runs the {@link TrayActions}.
 */
final class AwtTray implements TrayBackend {

    private static final Logger LOG = Logger.getLogger(AwtTray.class.getName());

    private final TrayActions actions;
    private final TrayIcon icon;
    private final int imageSize;

    private AwtTray(TrayActions actions, TrayIcon icon, int imageSize) {
        this.actions = actions;
        this.icon = icon;
        this.imageSize = imageSize;
    }

    /** Adds the icon to the system tray; call only when {@link SystemTray#isSupported()}. */
    static AwtTray open(TrayState initial, TrayActions actions) throws AWTException {
        int size = TrayIcons.sizeFor(SystemTray.getSystemTray().getTrayIconSize().width);
        TrayIcon icon = new TrayIcon(image(initial, size), TrayTexts.tooltip(initial));
        icon.setImageAutoSize(true);
        AwtTray tray = new AwtTray(actions, icon, size);
        icon.setPopupMenu(tray.popup(initial));
        icon.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getButton() == MouseEvent.BUTTON1) {
                    tray.run(actions::showWindow);
                }
            }
        });
        SystemTray.getSystemTray().add(icon);
        return tray;
    }

    @Override
    public Kind kind() {
        return Kind.AWT;
    }

    @Override
    public void show(TrayState state) {
        EventQueue.invokeLater(() -> {
            icon.setImage(image(state, imageSize));
            icon.setToolTip(TrayTexts.tooltip(state));
            icon.setPopupMenu(popup(state));
        });
    }

    @Override
    public void close() {
        EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(icon));
    }

    private PopupMenu popup(TrayState state) {
        PopupMenu popup = new PopupMenu();
        for (TrayMenu.Entry entry : TrayMenu.of(state).entries()) {
            if (entry.action() == TrayMenu.Action.SEPARATOR) {
                popup.addSeparator();
                continue;
            }
            MenuItem item = new MenuItem(entry.checked() ? "✓ " + entry.label() : entry.label());
            item.setEnabled(entry.enabled());
            item.addActionListener(e -> run(() -> entry.invoke(actions)));
            popup.add(item);
        }
        return popup;
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A tray action failed", e);
        }
    }

    private static Image image(TrayState state, int size) {
        return TrayIcons.image(state.status().iconName(), size);
    }
}
