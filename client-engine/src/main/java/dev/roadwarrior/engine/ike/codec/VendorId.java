package dev.roadwarrior.engine.ike.codec;

import dev.roadwarrior.engine.ike.codec.payload.VendorIdPayload;
import dev.roadwarrior.engine.ike.codec.payload.ZeroPadding;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Well-known IKEv1 vendor IDs: the extensions we announce and recognise, and the implementations we
 * can name in logs. Values as listed by strongSwan ({@code isakmp_vendor.c}), Wireshark and
 * ike-scan.
 *
 * <p>Some IDs carry a version or capabilities after a fixed prefix, so they are matched by prefix:
 * Cisco Unity and DPD (last two bytes are the version), XAuth (an 8-byte truncated MD5, also seen
 * with 8 more bytes), FRAGMENTATION (16 bytes, optionally followed by 4 capability bytes; we send
 * 0x80000000, "fragmentation of phase 1 messages supported") and several vendors' IDs followed by
 * their version.
 */
public enum VendorId {

    /** XAuth: truncated MD5("draft-ietf-ipsra-isakmp-xauth-06.txt"). */
    XAUTH("09002689dfd6b712", 8),
    /** Cisco Unity 1.0: MD5("CISCO-UNITY") with the version in the last two bytes. */
    CISCO_UNITY("12f5f28c457168a9702d9fe274cc0100", 14),
    /** Dead Peer Detection 1.0 (RFC 3706). */
    DPD("afcad71368a1f1c96b8696fc77570100", 14),
    /** NAT traversal, RFC 3947: MD5("RFC 3947"). */
    NATT_RFC3947("4a131c81070358455c5728f20e95452f"),
    NATT_DRAFT_00("4485152d18b6bbcd0be8a8469579ddcc"),
    NATT_DRAFT_01("16f6ca16e4a4066d83821a0f0aeaa862"),
    NATT_DRAFT_02("cd60464335df21f87cfdb2fc68b6a448"),
    /** draft-ietf-ipsec-nat-t-ike-02 with a trailing newline in the hashed text, as sent by many. */
    NATT_DRAFT_02N("90cb80913ebb696e086381b5ec427b1f"),
    NATT_DRAFT_03("7d9419a65310ca6f2c179d9215529d56"),
    /** Cisco IKE fragmentation: MD5("FRAGMENTATION") and capabilities 0x80000000. */
    FRAGMENTATION("4048b7d56ebce88525e7de7f00d6c2d380000000", 16),
    /** strongSwan: MD5("strongSwan"). */
    STRONGSWAN("882fe56d6fd20dbc2251613b2ebe5beb"),
    /** Cisco VPN Concentrator: truncated MD5("ALTIGA GATEWAY") plus version bytes. */
    CISCO_CONCENTRATOR("1f07f70eaa6514d3b0fa96542a50", 14),
    /** Cisco VPN 3000 client: MD5("ALTIGA NETWORKS"). */
    CISCO_VPN3000_CLIENT("f6f7efc7f5aeb8cb158cb9d094ba69e7"),
    /** Microsoft Windows: MD5("MS NT5 ISAKMPOAKLEY") followed by a version. */
    MS_NT5_ISAKMPOAKLEY("1e2b516905991c7d7c96fcbfb587e461", 16),
    KAME_RACOON("7003cbc1097dbe9c2600ba6983bc8b35"),
    IPSEC_TOOLS("20a3622c1cea7ce37bee3ca484425276"),
    SHREW_SOFT("f14b94b7bff1fef02773b8c49feded26"),
    /** Check Point, followed by a version blob. */
    CHECKPOINT("f4ed19e0c114eb516faaac0ee37daf2807b4381f", 20),
    /** Juniper NetScreen / SRX, followed by a version. */
    NETSCREEN("699369228741c6d4ca094c93e242c9de19e7b7c6", 20),
    FORTIGATE("1d6e178f6c2c0be284985465450fe9d4");

    private final byte[] bytes;
    /** How many leading bytes identify the vendor ID; -1 when only an exact match counts. */
    private final int prefix;

    VendorId(String hex) {
        this(hex, -1);
    }

    VendorId(String hex, int prefix) {
        this.bytes = HexFormat.of().parseHex(hex);
        this.prefix = prefix;
    }

    /** The bytes to send. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A vendor ID payload announcing this ID. */
    public VendorIdPayload payload() {
        return new VendorIdPayload(bytes);
    }

    /** Whether a received vendor ID is this one (by prefix where the ID carries a version). */
    public boolean matches(byte[] vendorId) {
        if (prefix < 0) {
            return Arrays.equals(ZeroPadding.trim(vendorId, bytes.length), bytes);
        }
        return vendorId.length >= prefix && Arrays.equals(vendorId, 0, prefix, bytes, 0, prefix);
    }

    /** The known vendor ID a received one is, if any. */
    public static Optional<VendorId> recognize(byte[] vendorId) {
        for (VendorId v : values()) {
            if (v.matches(vendorId)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
