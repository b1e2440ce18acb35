package dev.roadwarrior.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roadwarrior.connect.Protection;
import dev.roadwarrior.engine.api.ConnectionState;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.api.ProgressStep;
import dev.roadwarrior.engine.api.WarningReason;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.engine.spi.TunnelConfig;
import dev.roadwarrior.ipc.ControlMessage.Answer;
import dev.roadwarrior.ipc.ControlMessage.BannerEvent;
import dev.roadwarrior.ipc.ControlMessage.Connect;
import dev.roadwarrior.ipc.ControlMessage.ConnectionStatus;
import dev.roadwarrior.ipc.ControlMessage.Disconnect;
import dev.roadwarrior.ipc.ControlMessage.DisconnectedEvent;
import dev.roadwarrior.ipc.ControlMessage.ErrorCode;
import dev.roadwarrior.ipc.ControlMessage.ErrorReply;
import dev.roadwarrior.ipc.ControlMessage.FailedEvent;
import dev.roadwarrior.ipc.ControlMessage.FromService;
import dev.roadwarrior.ipc.ControlMessage.Hello;
import dev.roadwarrior.ipc.ControlMessage.ListConnections;
import dev.roadwarrior.ipc.ControlMessage.ListReply;
import dev.roadwarrior.ipc.ControlMessage.Ok;
import dev.roadwarrior.ipc.ControlMessage.ProgressEvent;
import dev.roadwarrior.ipc.ControlMessage.PromptEvent;
import dev.roadwarrior.ipc.ControlMessage.Request;
import dev.roadwarrior.ipc.ControlMessage.SavePasswordEvent;
import dev.roadwarrior.ipc.ControlMessage.Secrets;
import dev.roadwarrior.ipc.ControlMessage.StateEvent;
import dev.roadwarrior.ipc.ControlMessage.StatisticsEvent;
import dev.roadwarrior.ipc.ControlMessage.Status;
import dev.roadwarrior.ipc.ControlMessage.StatusReply;
import dev.roadwarrior.ipc.ControlMessage.Subscribe;
import dev.roadwarrior.ipc.ControlMessage.TunnelStatistics;
import dev.roadwarrior.ipc.ControlMessage.TunnelUpEvent;
import dev.roadwarrior.ipc.ControlMessage.WarningEvent;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlCodecTest {

    private static final TunnelStatistics COUNTERS = new TunnelStatistics(Ipv4Network.parseAddress("10.88.0.1"),
            "IKE AES-256/SHA2-256/MODP2048, ESP AES-256/HMAC-SHA1-96", 83, 1234, 12, 2345, 23, 0, true, true,
            Optional.of(3500L));

    @Test
    void everyRequestSurvivesTheWire() throws Exception {
        ObjectNode profile = JsonNodeFactory.instance.objectNode().put("schemaVersion", 1).put("name", "lab");
        List<Request> requests = List.of(
                new Disconnect(2, Optional.of("lab")), new Disconnect(3, Optional.empty()), new Status(4),
                new ListConnections(5), new Subscribe(6, 5));
        for (Request r : requests) {
            String line = ControlCodec.encode(r);
            assertFalse(line.contains("\n"), line);
            assertEquals(r, ControlCodec.decodeRequest(line), line);
        }
        Connect connect = (Connect) ControlCodec.decodeRequest(ControlCodec.encode(new Connect(1, profile,
                new Secrets("rwgroup-secret".getBytes(StandardCharsets.UTF_8), Optional.of("alice"),
                        Optional.of("alice-password".toCharArray()), Optional.empty()))));
        assertEquals(profile, connect.profile());
        assertArrayEquals("rwgroup-secret".getBytes(StandardCharsets.UTF_8), connect.secrets().groupPassword());
        assertEquals(Optional.of("alice"), connect.secrets().username());
        assertArrayEquals("alice-password".toCharArray(), connect.secrets().password().orElseThrow());
        assertTrue(connect.secrets().keyPassphrase().isEmpty());

        Answer answer = (Answer) ControlCodec.decodeRequest(ControlCodec.encode(
                new Answer(7, "p1", Map.of(CredentialKind.PASSCODE, "123456".toCharArray()))));
        assertEquals("p1", answer.prompt());
        assertArrayEquals("123456".toCharArray(), answer.values().get(CredentialKind.PASSCODE));
    }

    @Test
    void everyMessageOfTheServiceSurvivesTheWire() throws Exception {
        TunnelConfig config = new TunnelConfig(Ipv4Network.parseAddress("10.88.0.1"), 24, 1380,
                Ipv4Network.parseAddress("203.0.113.2"), List.of(Ipv4Network.parse("10.77.0.0/24")),
                List.of(Ipv4Network.parse("192.168.77.0/24")), List.of(Ipv4Network.parseAddress("10.77.0.53")),
                List.of("lab.example"), List.of());
        ConnectionStatus status = new ConnectionStatus("lab", ConnectionState.CONNECTED, "203.0.113.2",
                Optional.of(COUNTERS), List.of(Protection.DNS_THROUGH_TUNNEL, Protection.KILL_SWITCH));
        List<FromService> messages = List.of(
                new Hello(1, "0.1.0"), new Ok(1), new ErrorReply(Optional.of(2L), ErrorCode.BUSY, "lab runs"),
                new ErrorReply(Optional.empty(), ErrorCode.NOT_ALLOWED, "no"),
                new StatusReply(3, Optional.of(status), false), new StatusReply(4, Optional.empty(), true),
                new ListReply(5, List.of(status)),
                new StateEvent("lab", ConnectionState.CONNECTING),
                new ProgressEvent("lab", ProgressStep.NAT_DETECTED, "203.0.113.1:4500"),
                new BannerEvent("lab", "Welcome\nto the lab"),
                new PromptEvent("lab", "p1", List.of(CredentialKind.PASSCODE), "Enter the code", "", false),
                new SavePasswordEvent("lab", true),
                new WarningEvent("lab", WarningReason.SPLIT_DNS_NOT_ROUTED, "lab.example"),
                new TunnelUpEvent("lab", config, "IKE ..."),
                new StatisticsEvent("lab", COUNTERS),
                new FailedEvent("lab", FailureReason.WRONG_USER_PASSWORD, "XAuth status FAIL"),
                new DisconnectedEvent("lab"));
        for (FromService m : messages) {
            String line = ControlCodec.encode(m);
            assertFalse(line.contains("\n"), line);
            assertEquals(m, ControlCodec.decodeFromService(line), line);
        }
    }

    @Test
    void statisticsOfAnOlderServiceDecodeWithoutTheNewFields() throws Exception {
        StatisticsEvent old = (StatisticsEvent) ControlCodec.decodeFromService("{\"type\":\"statistics\","
                + "\"connection\":\"lab\",\"statistics\":{\"virtualAddress\":\"10.88.0.1\",\"algorithms\":\"IKE\","
                + "\"uptimeSeconds\":12,\"bytesIn\":252,\"packetsIn\":3,\"bytesOut\":252,\"packetsOut\":3,"
                + "\"packetsDropped\":0}}");
        assertEquals(252, old.statistics().bytesIn());
        assertEquals(false, old.statistics().natTraversal());
        assertEquals(Optional.empty(), old.statistics().nextRekeySeconds());
        String line = ControlCodec.encode(new StatisticsEvent("lab", COUNTERS));
        assertTrue(line.contains("\"natTraversal\":true") && line.contains("\"nextRekeySeconds\":3500"), line);
    }

    @Test
    void theReadmeExamplesDecode() throws Exception {
        assertEquals(new Status(3), ControlCodec.decodeRequest("{\"type\":\"status\",\"id\":3}"));
        assertEquals(new Subscribe(4, 5), ControlCodec.decodeRequest("{\"type\":\"subscribe\",\"id\":4,\"statisticsSeconds\":5}"));
        assertEquals(new Subscribe(4, 0), ControlCodec.decodeRequest("{\"type\":\"subscribe\",\"id\":4}"));
        assertEquals(new Disconnect(5, Optional.empty()), ControlCodec.decodeRequest("{\"type\":\"disconnect\",\"id\":5}"));
        Connect c = (Connect) ControlCodec.decodeRequest("{\"type\":\"connect\",\"id\":1,\"profile\":{\"schemaVersion\":1},"
                + "\"secrets\":{\"groupPassword\":\"cndncm91cC1zZWNyZXQ=\",\"username\":\"alice\",\"password\":\"alice-password\"}}");
        assertEquals("rwgroup-secret", new String(c.secrets().groupPassword(), StandardCharsets.UTF_8));
        assertEquals(new Hello(1, "0.1.0"), ControlCodec.decodeFromService("{\"type\":\"hello\",\"protocol\":1,\"version\":\"0.1.0\"}"));
        assertEquals("{\"type\":\"state\",\"connection\":\"lab\",\"state\":\"CONNECTED\"}",
                ControlCodec.encode(new StateEvent("lab", ConnectionState.CONNECTED)));
        assertEquals("{\"type\":\"status\",\"id\":4,\"blocking\":false}", ControlCodec.encode(new StatusReply(4, Optional.empty(), false)));
    }

    @Test
    void secretsNeverShowInToString() {
        Secrets s = new Secrets("rwgroup-secret".getBytes(StandardCharsets.UTF_8), Optional.of("alice"),
                Optional.of("alice-password".toCharArray()), Optional.of("key-pass".toCharArray()));
        Connect c = new Connect(1, JsonNodeFactory.instance.objectNode(), s);
        Answer a = new Answer(2, "p", Map.of(CredentialKind.PASSWORD, "alice-password".toCharArray()));
        for (String text : List.of(s.toString(), c.toString(), a.toString())) {
            assertFalse(text.contains("rwgroup-secret") || text.contains("alice-password") || text.contains("key-pass"),
                    text);
        }
        s.destroy();
        assertArrayEquals(new byte[14], s.groupPassword());
        assertArrayEquals(new char[14], s.password().orElseThrow());
    }

    @Test
    void badLinesAreTypedErrorsThatQuoteNoValues() {
        assertError(ErrorCode.MALFORMED, Optional.empty(), "{\"type\":\"status\",");
        assertError(ErrorCode.MALFORMED, Optional.empty(), "[1,2]");
        assertError(ErrorCode.MALFORMED, Optional.empty(), "{\"type\":\"status\",\"id\":3} {}");
        assertError(ErrorCode.MALFORMED, Optional.empty(), "{\"type\":\"status\"}");
        assertError(ErrorCode.MALFORMED, Optional.of(3L), "{\"id\":3}");
        assertError(ErrorCode.UNKNOWN_REQUEST, Optional.of(3L), "{\"type\":\"reboot\",\"id\":3}");
        assertError(ErrorCode.MALFORMED, Optional.of(3L), "{\"type\":\"subscribe\",\"id\":3,\"statisticsSeconds\":-1}");
        ControlException e = assertError(ErrorCode.MALFORMED, Optional.of(1L),
                "{\"type\":\"connect\",\"id\":1,\"profile\":{},\"secrets\":{\"groupPassword\":\"not base64 alice-password!\"}}");
        assertTrue(e.getMessage().contains("secrets.groupPassword"), e.getMessage());
        assertFalse(e.getMessage().contains("alice-password"), e.getMessage());
        assertError(ErrorCode.MALFORMED, Optional.of(1L), "{\"type\":\"connect\",\"id\":1,\"secrets\":{}}");
        assertThrows(ControlException.class, () -> ControlCodec.decodeFromService("{\"type\":\"status\",\"id\":1,"
                + "\"connection\":{\"name\":\"lab\",\"state\":\"CONNECTED\",\"gateway\":\"gw\","
                + "\"statistics\":{\"virtualAddress\":\"gateway.example\"}}}"), "addresses are never looked up");
    }

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        assertEquals(new Status(3), ControlCodec.decodeRequest("{\"type\":\"status\",\"id\":3,\"verbose\":true}"));
    }

    @Test
    void linesAreReadUpToTheLimit() throws Exception {
        InputStream in = new ByteArrayInputStream("{\"a\":\"x\\ny\"}\n\nlast".getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"a\":\"x\\ny\"}", ControlCodec.readLine(in));
        assertEquals("", ControlCodec.readLine(in));
        assertEquals("last", ControlCodec.readLine(in));
        assertNull(ControlCodec.readLine(in));

        byte[] exact = new byte[ControlCodec.MAX_LINE_BYTES + 1];
        java.util.Arrays.fill(exact, (byte) 'a');
        exact[exact.length - 1] = '\n';
        assertEquals(ControlCodec.MAX_LINE_BYTES, ControlCodec.readLine(new ByteArrayInputStream(exact)).length());
        exact[exact.length - 1] = 'a';
        ControlException e = assertThrows(ControlException.class,
                () -> ControlCodec.readLine(new ByteArrayInputStream(exact)));
        assertEquals(ErrorCode.LINE_TOO_LONG, e.code());
    }

    private static ControlException assertError(ErrorCode code, Optional<Long> id, String line) {
        ControlException e = assertThrows(ControlException.class, () -> ControlCodec.decodeRequest(line), line);
        assertEquals(code, e.code(), line + ": " + e.getMessage());
        assertEquals(id, e.requestId(), line);
        return e;
    }
}
