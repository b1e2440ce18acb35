package dev.roadwarrior.cli;

import dev.roadwarrior.connect.ErrorMessages;
import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.ipc.ControlClient;
import dev.roadwarrior.ipc.ControlMessage.ConnectionStatus;
import dev.roadwarrior.ipc.ControlMessage.Disconnect;
import dev.roadwarrior.ipc.ControlMessage.DisconnectedEvent;
import dev.roadwarrior.ipc.ControlMessage.Event;
import dev.roadwarrior.ipc.ControlMessage.FailedEvent;
import dev.roadwarrior.ipc.ControlMessage.Status;
import dev.roadwarrior.ipc.ControlMessage.StatusReply;
import dev.roadwarrior.ipc.ControlMessage.Subscribe;
import dev.roadwarrior.ipc.ServiceException;
import dev.roadwarrior.ipc.ServicePaths;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code disconnect [NAME]}: ends the connection the service runs (only if it is NAME, when
 * given) and returns once the host is restored. "Not connected." with exit 0 when nothing runs;
 * when a failed connection's kill switch still blocks traffic, it lifts it.
 */
@Command(name = "disconnect", mixinStandardHelpOptions = true, description = "Disconnect the service's connection.")
final class DisconnectCommand implements Callable<Integer> {

    /** The teardown deletes the SAs (a few seconds at most) and restores the host. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "the connection (profile) name")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CompletableFuture<Event> end = new CompletableFuture<>();
        ControlClient.Listener listener = new ControlClient.Listener() {
            @Override
            public void onEvent(Event event) {
                if (event instanceof DisconnectedEvent || event instanceof FailedEvent) {
                    end.complete(event);
                }
            }

            @Override
            public void onLost(ServiceException reason) {
                end.completeExceptionally(reason);
            }
        };
        try (ControlClient client = ControlClient.open(ServicePaths.fromEnvironment().socket(), listener)) {
            client.call(id -> new Subscribe(id, 0)); // from here on the end of the connection is seen
            StatusReply status = (StatusReply) client.call(Status::new);
            Optional<ConnectionStatus> running = status.connection();
            if (running.isEmpty()) {
                if (status.blocking()) { // a failed connection's kill switch: the user's disconnect lifts it
                    client.call(id -> new Disconnect(id, Optional.empty()));
                    out.println("Disconnected.");
                    return RoadwarriorCommand.OK;
                }
                out.println("Not connected.");
                return RoadwarriorCommand.OK;
            }
            if (name != null && !name.equals(running.get().name())) {
                err.println("error: not connected with " + name + "; the running connection is " + running.get().name());
                return RoadwarriorCommand.FAILED;
            }
            client.call(id -> new Disconnect(id, Optional.of(running.get().name())));
            Event last = end.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (last instanceof FailedEvent f) {
                err.println("error: " + ErrorMessages.failure(new ConnectException(f.reason(), f.detail())));
                return RoadwarriorCommand.FAILED;
            }
            out.println("Disconnected.");
            return RoadwarriorCommand.OK;
        } catch (ServiceException e) {
            err.println("error: " + ErrorMessages.describe(e));
        } catch (ExecutionException e) {
            err.println("error: " + (e.getCause() instanceof ServiceException s ? ErrorMessages.describe(s) : e.getCause()));
        } catch (TimeoutException e) {
            err.println("error: the connection did not end within " + WAIT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return RoadwarriorCommand.FAILED;
    }
}
