package dev.roadwarrior.ui.connection;

import dev.roadwarrior.connect.Protection;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.ConnectionStatistics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the status view shows: the active connection's status as labelled rows in words (the
 * same rows make the "Copy" text), and its throughput history. Rebuilt whenever the connection's
 * state or status changes (the counters arrive about once a second).
 *
 * <p>Threading: UI thread, like the {@link ConnectionViewModel} it reads.
 */
public final class StatusViewModel {

    /** One row of the status: a label and its value in words. */
    public record Row(String label, String value) {
    }

    private final ConnectionViewModel connection;
    private final Clock clock;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    /** Kept: a read-only view listens to its list weakly and would be collected with the view's listeners. */
    private final ObservableList<Row> rowsView = FXCollections.unmodifiableObservableList(rows);
    /** The profile whose kill switch setting {@link #killSwitch} holds. */
    private String killSwitchProfile = "";
    private boolean killSwitch;

    /** @param clock the wall clock and zone for "connected since" and "up for" */
    public StatusViewModel(ConnectionViewModel connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
        connection.statusProperty().addListener((o, a, b) -> refresh());
        connection.stateProperty().addListener((o, a, b) -> refresh());
        connection.activeProfileProperty().addListener((o, a, b) -> refresh());
        refresh();
    }

    /** The rows; read-only. */
    public ObservableList<Row> rows() {
        return rowsView;
    }

    /** The throughput of the last minutes, oldest first. */
    public ObservableList<ThroughputSample> throughput() {
        return connection.throughput();
    }

    /** The status as text, one "Label: value" line each, for the clipboard. */
    public String text() {
        return rows.stream().map(r -> r.label() + ": " + r.value()).collect(Collectors.joining("\n", "", "\n"));
    }

    private void refresh() {
        List<Row> next = new ArrayList<>();
        String profile = connection.activeProfileProperty().get();
        ConnectionState state = connection.stateProperty().get();
        if (!profile.isEmpty()) {
            next.add(row("status.profile", profile));
        }
        next.add(row("status.state", StatusFormat.text("state." + state.name())));
        StatusDetails s = connection.statusProperty().get();
        if (!s.profile().isEmpty()) {
            String none = StatusFormat.text("status.none");
            next.add(row("status.gateway", s.gateway().map(g -> g.getHostAddress()).orElse(none)));
            next.add(row("status.virtualAddress", s.virtualAddress()));
            next.add(row("status.dnsServers", StatusFormat.addresses(s.dnsServers(), StatusFormat.text("status.noDns"))));
            next.add(row("status.searchDomains", StatusFormat.words(s.searchDomains(), none)));
            next.add(row("status.splitDns", StatusFormat.words(s.splitDnsDomains(), none)));
            next.add(row("status.includeRoutes", StatusFormat.networks(s.includeRoutes(),
                    StatusFormat.text("status.allTraffic"))));
            next.add(row("status.excludeRoutes", StatusFormat.networks(s.excludeRoutes(), none)));
            next.add(row("status.algorithms", s.algorithms().isEmpty() ? none : s.algorithms()));
            if (!s.profile().equals(killSwitchProfile)) { // read once per connection, not with every counter
                killSwitchProfile = s.profile();
                killSwitch = connection.killSwitch(s.profile());
            }
            List<Protection> protections = Protection.of(s.fullTunnel(), !s.dnsServers().isEmpty(),
                    !s.splitDnsDomains().isEmpty(), killSwitch);
            next.add(row("status.protection", protections.isEmpty() ? none
                    : protections.stream().map(Protection::text).collect(Collectors.joining(", "))));
            next.add(row("status.natTraversal", StatusFormat.yesNo(s.natTraversal())));
            next.add(row("status.dpd", StatusFormat.yesNo(s.deadPeerDetection())));
            s.connectedSince().ifPresent(t -> {
                next.add(row("status.connectedSince", StatusFormat.time(t, clock.getZone())));
                next.add(row("status.uptime", StatusFormat.duration(Duration.between(t, clock.instant()))));
            });
            next.add(row("status.nextRekey", s.nextRekey().map(StatusFormat::duration).orElse(none)));
            if (s.statistics().isPresent()) {
                ConnectionStatistics c = s.statistics().get();
                next.add(row("status.received", StatusFormat.traffic(c.bytesIn(), c.packetsIn())));
                next.add(row("status.sent", StatusFormat.traffic(c.bytesOut(), c.packetsOut())));
                next.add(row("status.dropped", StatusFormat.dropped(c)));
            }
        }
        rows.setAll(next);
    }

    private static Row row(String key, String value) {
        return new Row(StatusFormat.text(key), value);
    }
}
