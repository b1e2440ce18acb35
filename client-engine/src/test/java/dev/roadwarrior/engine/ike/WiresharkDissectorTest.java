package dev.roadwarrior.engine.ike;

import static dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.EspProposal;
import dev.roadwarrior.engine.api.ConnectRequest.Phase1Proposal;
import dev.roadwarrior.engine.api.CredentialKind;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.NoncePayload;
import dev.roadwarrior.engine.ike.proposal.Phase1Proposals;
import dev.roadwarrior.engine.ike.task.ModeConfigTask;
import dev.roadwarrior.engine.ike.task.QuickModeTask;
import dev.roadwarrior.engine.ike.task.XauthTask;
import dev.roadwarrior.net.Ipv4Network;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages of the exchanges after phase 1 and the proposals, as the client builds them, fed
 * to Wireshark's ISAKMP dissector (tshark) in their cleartext form: it must decode every one
 * without a malformed-packet or error note. Skipped when tshark is not installed.
 */
class WiresharkDissectorTest {

    @TempDir
    Path temp;

    @Test
    void everyMessageDecodesCleanly() throws Exception {
        Path tshark = Path.of("/usr/bin/tshark");
        assumeTrue(Files.isExecutable(tshark), "tshark is not installed; skipping the dissector check");
        List<IkeMessage> messages = messages();
        Path pcap = temp.resolve("client.pcap");
        Files.write(pcap, pcap(messages));

        Process p = new ProcessBuilder(tshark.toString(), "-n", "-r", pcap.toString(), "-V")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));

        assertEquals(messages.size(), out.split("Internet Security Association and Key Management Protocol", -1).length - 1,
                out);
        assertFalse(out.contains("Malformed") || out.contains("[Expert Info (Error") || out.contains("Expert Info (Warning"),
                out);
        for (String decoded : List.of("XAUTH PASSCODE: 123456", "Type: XAUTH_NEXT_PIN", "XAUTH ANSWER: yes",
                "Type: UNITY_SPLIT_INCLUDE", "Group Description: 521-bit random ECP group (21)",
                "Exchange type: Quick Mode", "Exchange type: Identity Protection")) {
            assertTrue(out.contains(decoded), decoded + " in\n" + out);
        }
    }

    /** XAuth REPLY and ACK, Mode Config REQUEST and ACK, Quick Mode with AES-GCM and ECP PFS, a phase 1 offer. */
    private static List<IkeMessage> messages() throws Exception {
        ConnectRequest r = TestRequests.aggressivePskXauth();
        ConnectRequest request = new ConnectRequest(r.name(), r.gatewayHost(), r.ikePort(),
                new ConnectRequest.Phase1(ConnectRequest.ExchangeMode.MAIN, r.phase1().auth(), r.phase1().localId(),
                        r.phase1().remoteId(), List.of(new Phase1Proposal(7, 256, 6, 21), new Phase1Proposal(5, 0, 2, 20),
                        new Phase1Proposal(6, 128, 4, 19), new Phase1Proposal(3, 256, 5, 14)), 86400, 1000),
                new ConnectRequest.Phase2(List.of(new EspProposal(20, 256, 0), new EspProposal(18, 128, 0),
                        new EspProposal(12, 192, 7)), Optional.empty(), 3600, 1000, true),
                r.credentials(), r.transport(), r.config());
        EstablishedSa sa = new EstablishedSa(request);
        List<IkeMessage> out = new ArrayList<>();

        XauthTask xauth = new XauthTask(sa.client);
        IkeMessage xauthRequest = sa.client.unprotect(sa.fromGateway(ExchangeType.TRANSACTION, 0x100, List.of(
                new AttributePayload(AttributePayload.REQUEST, 1, List.of(DataAttribute.basic(XAUTH_TYPE, 0),
                        DataAttribute.variable(XAUTH_USER_NAME, new byte[0]), DataAttribute.variable(XAUTH_PASSCODE,
                                new byte[0]), DataAttribute.variable(XAUTH_NEXT_PIN, new byte[0]),
                        DataAttribute.variable(XAUTH_ANSWER, new byte[0]))))));
        sa.client.confirm(0x100);
        xauth.process(xauthRequest);
        out.add(xauth.answer("xauth-1", Map.of(CredentialKind.PASSCODE, "123456".toCharArray(),
                CredentialKind.NEXT_PIN, "4711".toCharArray(), CredentialKind.ANSWER, "yes".toCharArray())).orElseThrow());
        IkeMessage status = sa.client.unprotect(sa.fromGateway(ExchangeType.TRANSACTION, 0x101, List.of(
                new AttributePayload(AttributePayload.SET, 2, List.of(DataAttribute.basic(XAUTH_STATUS, 1))))));
        sa.client.confirm(0x101);
        out.add(xauth.process(status).send().orElseThrow());

        out.add(new ModeConfigTask(sa.client).build());
        IkeMessage set = sa.client.unprotect(sa.fromGateway(ExchangeType.TRANSACTION, 0x102, List.of(
                new AttributePayload(AttributePayload.SET, 3, List.of(
                        DataAttribute.variable(INTERNAL_IP4_ADDRESS, new byte[] {10, 88, 0, 5}),
                        DataAttribute.variable(UNITY_SPLIT_INCLUDE, new byte[] {10, 77, 0, 0, -1, -1, -1, 0}))))));
        sa.client.confirm(0x102);
        out.add(new ModeConfigTask(sa.client).process(set).send().orElseThrow());

        out.add(new QuickModeTask(sa.client, (java.net.Inet4Address) Ipv4Network.parseAddress("10.88.0.5"),
                Ipv4Network.parse("10.77.0.0/24"), Optional.of(21)).build());

        out.add(new IkeMessage(IkeHeader.of(sa.client.initiatorCookie(), 0, ExchangeType.MAIN_MODE, 0, 0),
                List.of(Phase1Proposals.offer(request.phase1(), new JcaIkeCrypto()), new NoncePayload(new byte[20]))));
        return out;
    }

    /** A pcap file (raw IPv4 link type) with each message, in cleartext form, in a UDP datagram to port 500. */
    private static byte[] pcap(List<IkeMessage> messages) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(101);
        file.write(header.array());
        int second = 0;
        for (IkeMessage m : messages) {
            IkeHeader h = m.header();
            byte[] isakmp = new IkeMessage(IkeHeader.of(h.initiatorCookie(), h.responderCookie(), h.exchangeType(),
                    h.flags() & ~IkeHeader.FLAG_ENCRYPTION, h.messageId()), m.payloads()).encode();
            int length = 20 + 8 + isakmp.length;
            ByteBuffer packet = ByteBuffer.allocate(length);
            packet.put((byte) 0x45).put((byte) 0).putShort((short) length).putInt(0).put((byte) 64).put((byte) 17)
                    .putShort((short) 0).put(new byte[] {(byte) 192, 0, 2, 2}).put(new byte[] {(byte) 192, 0, 2, 1});
            packet.putShort(2, (short) length);
            packet.putShort(10, ipChecksum(packet.array()));
            packet.position(20);
            packet.putShort((short) 500).putShort((short) 500).putShort((short) (8 + isakmp.length)).putShort((short) 0)
                    .put(isakmp);
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(++second).putInt(0).putInt(length).putInt(length);
            file.write(record.array());
            file.write(packet.array());
        }
        return file.toByteArray();
    }

    private static short ipChecksum(byte[] packet) {
        int sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += (packet[i] & 0xff) << 8 | packet[i + 1] & 0xff;
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }
}
