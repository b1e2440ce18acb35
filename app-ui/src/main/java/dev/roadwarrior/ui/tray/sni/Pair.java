package dev.roadwarrior.ui.tray.sni;

import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.Position;

/** Two D-Bus out-arguments of one method (dbus-java reads their types from the type arguments). */
public final class Pair<A, B> extends Tuple {
    @Position(0)
    public final A first;
    @Position(1)
    public final B second;

    public Pair(A first, B second) {
        this.first = first;
        this.second = second;
    }
}
