package dev.roadwarrior.engine.ike;

import static dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.task.ModeConfigResult;
import dev.roadwarrior.engine.ike.task.ModeConfigTask;
import dev.roadwarrior.engine.ike.task.TaskResult;
import dev.roadwarrior.net.Ipv4Network;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Mode Config push (the gateway SETs, we ACK) and pull, with the Cisco Unity attributes. */
class ModeConfigTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** A SET as strongSwan sends it from a pool with Unity attributes (numbered ones as raw values). */
    private static List<DataAttribute> unitySet() {
        return List.of(DataAttribute.variable(INTERNAL_IP4_ADDRESS, hex("0a580005")),
                DataAttribute.variable(INTERNAL_IP4_DNS, hex("0a4d0035")),
                DataAttribute.variable(UNITY_BANNER, "Welcome to the lab"),
                DataAttribute.variable(UNITY_DEF_DOMAIN, "lab.example"),
                DataAttribute.variable(UNITY_SPLIT_DNS_NAME, "corp.example,lab.example"),
                DataAttribute.variable(UNITY_SPLIT_INCLUDE, hex("0a4d0000ffffff00")),                // address/mask
                DataAttribute.variable(UNITY_SPLIT_INCLUDE, hex("0a4e0000ffff0000000000000000")),    // 14-byte entry
                DataAttribute.variable(UNITY_LOCAL_LAN, hex("cb007100ffffff00")),
                DataAttribute.variable(UNITY_SAVE_PASSWD, hex("00000001")),
                DataAttribute.basic(UNITY_PFS, 14));
    }

    @Test
    void pushedConfigurationIsAcknowledgedAndRead() throws Exception {
        EstablishedSa sa = new EstablishedSa(TestRequests.aggressivePskXauth());
        ModeConfigTask task = new ModeConfigTask(sa.client);
        IkeMessage set = sa.client.unprotect(sa.fromGateway(ExchangeType.TRANSACTION, 0x4242,
                List.of(new AttributePayload(AttributePayload.SET, 0x77, unitySet()))));
        sa.client.confirm(0x4242);

        TaskResult result = task.process(set);

        assertTrue(result.done());
        AttributePayload ack = sa.atGateway(sa.client.protect(result.send().orElseThrow())).first(AttributePayload.class)
                .orElseThrow();
        assertEquals(AttributePayload.ACK, ack.messageType());
        assertEquals(0x77, ack.identifier());
        assertEquals(unitySet().stream().map(DataAttribute::type).collect(Collectors.toSet()),
                ack.attributes().stream().map(DataAttribute::type).collect(Collectors.toSet()));
        ModeConfigResult c = task.result().orElseThrow();
        assertEquals(Ipv4Network.parseAddress("10.88.0.5"), c.address());
        assertEquals(List.of(Ipv4Network.parseAddress("10.77.0.53")), c.dns());
        assertEquals(Optional.of("Welcome to the lab"), c.banner());
        assertEquals(Optional.of("lab.example"), c.defaultDomain());
        assertEquals(List.of("corp.example", "lab.example"), c.splitDnsDomains());
        assertEquals(List.of(Ipv4Network.parse("10.77.0.0/24"), Ipv4Network.parse("10.78.0.0/16")), c.splitInclude());
        assertEquals(List.of(Ipv4Network.parse("203.0.113.0/24")), c.splitExclude());
        assertTrue(c.savePassword());
        assertEquals(Optional.of(14), c.pfsGroup());
    }

    @Test
    void savePasswordIsOffUnlessTheGatewaySaysSo() throws Exception {
        EstablishedSa sa = new EstablishedSa(TestRequests.aggressivePskXauth());
        ModeConfigTask task = new ModeConfigTask(sa.client);
        IkeMessage set = sa.client.unprotect(sa.fromGateway(ExchangeType.TRANSACTION, 0x4243,
                List.of(new AttributePayload(AttributePayload.SET, 1,
                        List.of(DataAttribute.variable(INTERNAL_IP4_ADDRESS, hex("0a580006")))))));
        task.process(set);
        assertFalse(task.result().orElseThrow().savePassword());
    }

    @Test
    void pullAsksForUnityPfsOnlyWhenTheProfileLeavesPfsToTheGateway() throws Exception {
        ConnectRequest r = TestRequests.aggressivePskXauth();
        for (boolean gatewayPfs : new boolean[] {false, true}) {
            ConnectRequest request = new ConnectRequest(r.name(), r.gatewayHost(), r.ikePort(), r.phase1(),
                    new ConnectRequest.Phase2(r.phase2().proposals(), Optional.empty(), 3600, 0, gatewayPfs),
                    r.credentials(), r.transport(), r.config());
            EstablishedSa sa = new EstablishedSa(request);
            AttributePayload asked = sa.atGateway(sa.client.protect(new ModeConfigTask(sa.client).build()))
                    .first(AttributePayload.class).orElseThrow();
            assertEquals(AttributePayload.REQUEST, asked.messageType());
            assertEquals(gatewayPfs, asked.attribute(UNITY_PFS).isPresent());
            for (int type : List.of(INTERNAL_IP4_ADDRESS, UNITY_SAVE_PASSWD, UNITY_BANNER, UNITY_SPLIT_INCLUDE,
                    UNITY_LOCAL_LAN, UNITY_DEF_DOMAIN, UNITY_SPLIT_DNS_NAME)) {
                assertTrue(asked.attribute(type).isPresent(), "asks for " + type);
            }
        }
    }
}
