package dev.roadwarrior.engine.ike.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal pcap reader for the test captures: classic pcap (either byte order), link types
 * NULL/loopback and Ethernet, IPv4 and UDP only. Records of any other kind are skipped.
 */
final class Pcap {

    /** One UDP datagram of a capture. */
    record Udp(int sourcePort, int destinationPort, byte[] payload) {
    }

    private Pcap() {
    }

    static List<Udp> udp(byte[] file) {
        ByteBuffer in = ByteBuffer.wrap(file);
        int magic = in.getInt();
        if (magic == 0xd4c3b2a1) {
            in.order(ByteOrder.LITTLE_ENDIAN);
        } else if (magic != 0xa1b2c3d4) {
            throw new IllegalArgumentException("not a pcap file");
        }
        in.position(20);
        int linkType = in.getInt();
        List<Udp> out = new ArrayList<>();
        while (in.remaining() >= 16) {
            in.position(in.position() + 8); // timestamp
            int captured = in.getInt();
            in.getInt(); // original length
            byte[] frame = new byte[captured];
            in.get(frame);
            int ip = ipOffset(linkType, frame);
            if (ip >= 0) {
                udpOf(frame, ip, out);
            }
        }
        return out;
    }

    /** Where the IPv4 header starts, or -1. */
    private static int ipOffset(int linkType, byte[] frame) {
        if (linkType == 0) {
            return 4; // BSD loopback: 4-byte address family
        }
        // Ethernet (link type 1; one libreswan capture says 65535 but holds Ethernet frames)
        boolean ethernet = frame.length > 14 && (frame[12] & 0xff) == 0x08 && frame[13] == 0x00;
        return ethernet ? 14 : -1;
    }

    private static void udpOf(byte[] frame, int ip, List<Udp> out) {
        if (frame.length < ip + 20 || (frame[ip] & 0xf0) != 0x40 || frame[ip + 9] != 17) {
            return;
        }
        int udp = ip + (frame[ip] & 0x0f) * 4;
        ByteBuffer b = ByteBuffer.wrap(frame);
        int sport = b.getShort(udp) & 0xffff;
        int dport = b.getShort(udp + 2) & 0xffff;
        int length = b.getShort(udp + 4) & 0xffff;
        out.add(new Udp(sport, dport, Arrays.copyOfRange(frame, udp + 8, udp + length)));
    }

    /** The ISAKMP message in a UDP payload: on port 4500 behind the 4-byte non-ESP marker. */
    static byte[] isakmp(Udp udp) {
        byte[] p = udp.payload();
        boolean natt = udp.sourcePort() == 4500 || udp.destinationPort() == 4500;
        if (natt && p.length >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0 && p[3] == 0) {
            return Arrays.copyOfRange(p, 4, p.length);
        }
        return p;
    }
}
