package dev.roadwarrior.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.connect.Protection;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.ipc.ControlMessage.Answer;
import dev.roadwarrior.ipc.ControlMessage.Connect;
import dev.roadwarrior.ipc.ControlMessage.ConnectionStatus;
import dev.roadwarrior.ipc.ControlMessage.Disconnect;
import dev.roadwarrior.ipc.ControlMessage.ErrorCode;
import dev.roadwarrior.ipc.ControlMessage.ErrorReply;
import dev.roadwarrior.ipc.ControlMessage.FailedEvent;
import dev.roadwarrior.ipc.ControlMessage.Hello;
import dev.roadwarrior.ipc.ControlMessage.ListReply;
import dev.roadwarrior.ipc.ControlMessage.Secrets;
import dev.roadwarrior.ipc.ControlMessage.StatisticsEvent;
import dev.roadwarrior.ipc.ControlMessage.Status;
import dev.roadwarrior.ipc.ControlMessage.StatusReply;
import dev.roadwarrior.ipc.ControlMessage.Subscribe;
import dev.roadwarrior.ipc.ControlMessage.TunnelStatistics;
import dev.roadwarrior.ipc.ControlMessage.TunnelUpEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the control-socket codec (Jazzer): the service reads requests from
 * any local user, the client reads what the service sends. Any bytes split into lines, and each
 * line is either refused with a {@link ControlException} or decoded; what decodes encodes to one
 * line that decodes and encodes to the same text. Seeds: the lines of a few messages of each kind;
 * inputs that once failed are kept in {@code ControlCodecFuzzTestInputs/<method>/}.
 */
class ControlCodecFuzzTest {

    static Stream<Arguments> lines() {
        TunnelStatistics counters = new TunnelStatistics(Ipv4Network.parseAddress("10.88.0.1"), "IKE AES-256", 83,
                1234, 12, 2345, 23, 0, true, true, Optional.of(3500L));
        TunnelConfig config = new TunnelConfig(Ipv4Network.parseAddress("10.88.0.1"), 24, 1380,
                Ipv4Network.parseAddress("203.0.113.2"), List.of(Ipv4Network.parse("10.77.0.0/24")),
                List.of(Ipv4Network.parse("192.168.77.0/24")), List.of(Ipv4Network.parseAddress("10.77.0.53")),
                List.of("lab.example"), List.of());
        ConnectionStatus status = new ConnectionStatus("lab", ConnectionState.CONNECTED, "203.0.113.2",
                Optional.of(counters), List.of(Protection.IPV6_BLOCKED, Protection.DNS_THROUGH_TUNNEL));
        List<ControlMessage> messages = List.of(new Status(4), new Subscribe(6, 5), new Disconnect(2, Optional.of("lab")),
                new Connect(1, JsonNodeFactory.instance.objectNode().put("schemaVersion", 1).put("name", "lab"),
                        new Secrets("secret".getBytes(StandardCharsets.UTF_8), Optional.of("alice"),
                                Optional.of("pw".toCharArray()), Optional.empty())),
                new Answer(7, "p1", Map.of(CredentialKind.PASSCODE, "123456".toCharArray())),
                new Hello(1, "0.1.0"), new ErrorReply(Optional.of(2L), ErrorCode.BUSY, "lab runs"),
                new StatusReply(3, Optional.of(status), true), new ListReply(5, List.of(status)),
                new TunnelUpEvent("lab", config, "IKE ..."), new StatisticsEvent("lab", counters),
                new FailedEvent("lab", FailureReason.WRONG_USER_PASSWORD, "XAuth status FAIL"));
        return messages.stream().map(m -> Arguments.of((Object) (ControlCodec.encode(m) + "\n")
                .getBytes(StandardCharsets.UTF_8)));
    }

    @MethodSource("lines")
    @FuzzTest(maxDuration = "10m")
    void decode(byte[] stream) throws IOException {
        InputStream in = new ByteArrayInputStream(stream);
        while (true) {
            String line;
            try {
                line = ControlCodec.readLine(in);
            } catch (ControlException tooLong) {
                return;
            }
            if (line == null) {
                return;
            }
            try {
                stable(ControlCodec.decodeRequest(line));
            } catch (ControlException refused) {
                // a typed refusal is the answer to a bad request
            }
            try {
                stable(ControlCodec.decodeFromService(line));
            } catch (ControlException refused) {
                // the client drops a bad line
            }
        }
    }

    private static void stable(ControlMessage decoded) {
        String line = ControlCodec.encode(decoded);
        assertFalse(line.contains("\n"), line);
        try {
            ControlMessage again = decoded instanceof ControlMessage.Request ? ControlCodec.decodeRequest(line)
                    : ControlCodec.decodeFromService(line);
            assertEquals(line, ControlCodec.encode(again));
        } catch (ControlException e) {
            throw new AssertionError("a decoded message encodes to a line that does not decode: " + line, e);
        }
    }
}
