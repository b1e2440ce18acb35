package dev.roadwarrior.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.ipc.ControlClient;
import dev.roadwarrior.ipc.ControlMessage.ConnectionStatus;
import dev.roadwarrior.ipc.ControlMessage.Event;
import dev.roadwarrior.ipc.ControlMessage.Status;
import dev.roadwarrior.ipc.ControlMessage.StatusReply;
import dev.roadwarrior.ipc.ControlMessage.TunnelStatistics;
import dev.roadwarrior.ipc.ServiceException;
import dev.roadwarrior.connect.ErrorMessages;
import dev.roadwarrior.connect.Protection;
import dev.roadwarrior.ipc.ServicePaths;
import dev.roadwarrior.profiles.io.ProfileJson;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code status [--json]}: the connection the service runs: state, gateway, virtual address,
 * algorithms and counters. Exit 0 also when nothing is connected; 1 when the service cannot be
 * asked.
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the connection the service runs.")
final class StatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print one JSON object (state DISCONNECTED when nothing runs)")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StatusReply reply;
        try (ControlClient client = ControlClient.open(ServicePaths.fromEnvironment().socket(), IGNORE_EVENTS)) {
            reply = (StatusReply) client.call(Status::new);
        } catch (ServiceException e) {
            spec.commandLine().getErr().println("error: " + ErrorMessages.describe(e));
            return RoadwarriorCommand.FAILED;
        }
        if (json) {
            out.println(ProfileJson.toText(toJson(reply)));
        } else {
            out.print(reply.connection().map(StatusCommand::describe).orElse("Not connected.\n"));
            if (reply.blocking()) {
                out.println(reply.connection().isPresent() ? "Kill switch: traffic is blocked until the tunnel is up."
                        : "Kill switch: traffic is blocked until you disconnect (roadwarrior disconnect).");
            }
        }
        out.flush();
        return RoadwarriorCommand.OK;
    }

    /** A client that wants no events. */
    static final ControlClient.Listener IGNORE_EVENTS = new ControlClient.Listener() {
        @Override
        public void onEvent(Event event) {
        }

        @Override
        public void onLost(ServiceException reason) {
        }
    };

    private static ObjectNode toJson(StatusReply reply) {
        Optional<ConnectionStatus> status = reply.connection();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("state", status.map(ConnectionStatus::state).orElse(ConnectionState.DISCONNECTED).name());
        o.put("blocking", reply.blocking());
        status.ifPresent(c -> {
            o.put("connection", c.name()).put("gateway", c.gateway());
            c.protections().forEach(p -> o.withArray("protections").add(p.name()));
            c.statistics().ifPresent(s -> o.put("virtualAddress", s.virtualAddress().getHostAddress())
                    .put("algorithms", s.algorithms()).put("uptimeSeconds", s.uptimeSeconds())
                    .put("bytesIn", s.bytesIn()).put("packetsIn", s.packetsIn())
                    .put("bytesOut", s.bytesOut()).put("packetsOut", s.packetsOut())
                    .put("packetsDropped", s.packetsDropped()).put("natTraversal", s.natTraversal())
                    .put("deadPeerDetection", s.deadPeerDetection()));
            c.statistics().flatMap(TunnelStatistics::nextRekeySeconds).ifPresent(n -> o.put("nextRekeySeconds", n));
        });
        return o;
    }

    private static String describe(ConnectionStatus c) {
        StringBuilder s = new StringBuilder(c.name() + ": " + c.state() + " (gateway " + c.gateway() + ")\n");
        if (c.statistics().isPresent()) {
            TunnelStatistics t = c.statistics().get();
            long up = t.uptimeSeconds();
            s.append(String.format("  address     %s%n", t.virtualAddress().getHostAddress()))
                    .append(String.format("  algorithms  %s%n", t.algorithms()))
                    .append(String.format("  up          %d:%02d:%02d%n", up / 3600, up / 60 % 60, up % 60))
                    .append(String.format("  in          %d bytes, %d packets%n", t.bytesIn(), t.packetsIn()))
                    .append(String.format("  out         %d bytes, %d packets%n", t.bytesOut(), t.packetsOut()))
                    .append(String.format("  dropped     %d packets%n", t.packetsDropped()))
                    .append(String.format("  NAT-T       %s, dead peer detection %s%n", t.natTraversal() ? "yes" : "no",
                            t.deadPeerDetection() ? "yes" : "no"));
            t.nextRekeySeconds().ifPresent(n -> s.append(String.format("  next rekey  in %d:%02d:%02d%n", n / 3600,
                    n / 60 % 60, n % 60)));
        }
        if (!c.protections().isEmpty()) {
            s.append(String.format("  protection  %s%n",
                    c.protections().stream().map(Protection::text).collect(Collectors.joining(", "))));
        }
        return s.toString();
    }
}
