package dev.roadwarrior.connect;

import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.ConnectRequest.AuthMethod;
import dev.roadwarrior.engine.api.ConnectRequest.EspProposal;
import dev.roadwarrior.engine.api.ConnectRequest.Identity;
import dev.roadwarrior.engine.api.ConnectRequest.IdentityType;
import dev.roadwarrior.engine.api.ConnectRequest.Phase1Proposal;
import dev.roadwarrior.net.Ipv4Network;
import dev.roadwarrior.profiles.model.CertificateFile;
import dev.roadwarrior.profiles.model.Cipher;
import dev.roadwarrior.profiles.model.DhGroup;
import dev.roadwarrior.profiles.model.DnsSettings;
import dev.roadwarrior.profiles.model.HashAlgorithm;
import dev.roadwarrior.profiles.model.IpcompTransform;
import dev.roadwarrior.profiles.model.Profile;
import dev.roadwarrior.profiles.model.SplitDnsSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a stored profile and its secrets into the engine's {@link ConnectRequest}, expanding
 * Shrew Soft's {@code auto} choices as Shrew does, less the weak algorithms (DES, MD5, MODP 768),
 * which are offered only when the profile names them:
 * <ul>
 *   <li>phase 1: AES-256/192/128, Blowfish-128, 3DES, CAST-128 with SHA1; groups 14, 5 and 2 in
 *       Main Mode, 14 in Aggressive Mode (whose single key exchange allows one group);</li>
 *   <li>ESP: AES-256/192/128, Blowfish-128, 3DES, CAST-128 with HMAC SHA1, SHA2-256, SHA2-384,
 *       SHA2-512; AES-GCM (a Roadwarrior extension) only when named;</li>
 *   <li>PFS "auto" takes the group the gateway names in the Unity PFS attribute.</li>
 * </ul>
 */
public final class ConnectRequests {

    private static final int IKE_AES = 7;
    private static final int IKE_BLOWFISH = 3;
    private static final int IKE_3DES = 5;
    private static final int IKE_CAST = 6;
    private static final int IKE_DES = 1;
    private static final int ESP_AES = 12;
    private static final int ESP_BLOWFISH = 7;
    private static final int ESP_3DES = 3;
    private static final int ESP_CAST = 6;
    private static final int ESP_DES = 2;
    private static final int ESP_AES_GCM_8 = 18;
    private static final int ESP_AES_GCM_12 = 19;
    private static final int ESP_AES_GCM_16 = 20;

    private ConnectRequests() {
    }

    /**
     * @param profile a profile that passed {@code ProfileValidator.validateForConnect}
     * @param groupPassword the pre-shared key bytes (empty when the method uses none)
     * @param user the XAuth user name, if known
     * @param password the XAuth password, if known
     * @throws IllegalArgumentException for settings the engine cannot honour (with a message in words)
     */
    public static ConnectRequest of(Profile profile, byte[] groupPassword, Optional<String> user,
            Optional<char[]> password) {
        return of(profile, groupPassword, user, password, Optional.empty());
    }

    /**
     * As {@link #of(Profile, byte[], Optional, Optional)}, with the certificate material of the
     * profile (the CA file, our certificate and key files, passed on unparsed: the engine reads
     * them) and the passphrase of our key file.
     *
     * @param keyPassphrase the passphrase of an encrypted key or PKCS#12 file, if known
     */
    public static ConnectRequest of(Profile profile, byte[] groupPassword, Optional<String> user,
            Optional<char[]> password, Optional<char[]> keyPassphrase) {
        AuthMethod auth = AuthMethod.valueOf(mapAuth(profile.authentication().method().name()));
        ConnectRequest.Phase1 phase1 = new ConnectRequest.Phase1(
                profile.phase1().exchange() == dev.roadwarrior.profiles.model.ExchangeMode.MAIN
                        ? ConnectRequest.ExchangeMode.MAIN : ConnectRequest.ExchangeMode.AGGRESSIVE,
                auth, identity(profile.authentication().local()), identity(profile.authentication().remote()),
                phase1Proposals(profile), profile.phase1().lifetime().seconds(), profile.phase1().lifetime().kilobytes());
        if (profile.phase2().ipcomp() == IpcompTransform.DEFLATE || profile.phase2().ipcomp() == IpcompTransform.LZS) {
            throw new IllegalArgumentException("IP compression (ipcomp-transform " + profile.phase2().ipcomp().keyword()
                    + ") is not supported; set ipcomp-transform to disabled in the profile and import it again");
        }
        Optional<Integer> pfs = profile.phase2().pfsGroup().filter(g -> g != DhGroup.AUTO).map(DhGroup::number);
        boolean gatewayPfs = profile.phase2().pfsGroup().equals(Optional.of(DhGroup.AUTO));
        ConnectRequest.Phase2 phase2 = new ConnectRequest.Phase2(espProposals(profile), pfs,
                profile.phase2().lifetime().seconds(), profile.phase2().lifetime().kilobytes(), gatewayPfs);
        ConnectRequest.Transport transport = new ConnectRequest.Transport(
                ConnectRequest.NatTraversalMode.valueOf(profile.natTraversal().mode().name()),
                profile.natTraversal().port(), profile.natTraversal().keepAliveSeconds(),
                ConnectRequest.FragmentationMode.valueOf(profile.fragmentation().mode().name()),
                profile.fragmentation().maxPacketSize(), profile.deadPeerDetection());
        return new ConnectRequest(profile.name(), profile.gateway().host().trim(), profile.gateway().ikePort(), phase1,
                phase2, credentials(profile, groupPassword, user, password, keyPassphrase), transport,
                hostConfig(profile));
    }

    private static ConnectRequest.Credentials credentials(Profile profile, byte[] groupPassword, Optional<String> user,
            Optional<char[]> password, Optional<char[]> keyPassphrase) {
        dev.roadwarrior.profiles.model.Authentication auth = profile.authentication();
        byte[] ca = auth.method().needsServerCertificate()
                ? auth.serverCertificate().map(CertificateFile::data).orElse(new byte[0]) : new byte[0];
        boolean own = auth.method().needsClientCertificate();
        byte[] certificate = own ? auth.clientCertificate().map(CertificateFile::data).orElse(new byte[0]) : new byte[0];
        byte[] key = own ? auth.clientKey().map(CertificateFile::data).orElse(new byte[0]) : new byte[0];
        return new ConnectRequest.Credentials(groupPassword.clone(), user, password, ca, certificate, key,
                own ? keyPassphrase : Optional.empty());
    }

    private static String mapAuth(String method) {
        switch (method) {
            case "MUTUAL_PSK": return "PSK";
            case "MUTUAL_PSK_XAUTH": return "PSK_XAUTH";
            case "MUTUAL_RSA": return "RSA";
            case "MUTUAL_RSA_XAUTH": return "RSA_XAUTH";
            default: return method; // HYBRID_RSA_XAUTH, HYBRID_GRP_XAUTH
        }
    }

    private static Identity identity(dev.roadwarrior.profiles.model.Identity id) {
        IdentityType type;
        switch (id.type()) {
            case ASN1DN: type = IdentityType.ASN1_DN; break;
            case FQDN: type = IdentityType.FQDN; break;
            case UFQDN: type = IdentityType.USER_FQDN; break;
            case ADDRESS: type = IdentityType.ADDRESS; break;
            case KEYID: type = IdentityType.KEY_ID; break;
            default: type = IdentityType.ANY; break;
        }
        return new Identity(type, id.data().orElse(""));
    }

    private static List<Phase1Proposal> phase1Proposals(Profile profile) {
        DhGroup group = profile.phase1().dhGroup();
        List<Integer> groups = group != DhGroup.AUTO ? List.of(group.number())
                : profile.phase1().exchange() == dev.roadwarrior.profiles.model.ExchangeMode.AGGRESSIVE
                        ? List.of(14) : List.of(14, 5, 2);
        List<int[]> ciphers = ciphers(profile.phase1().cipher(), profile.phase1().keyLength(), true);
        List<Integer> hashes = hashes(profile.phase1().hash(), false);
        List<Phase1Proposal> out = new ArrayList<>();
        for (int g : groups) {
            for (int[] c : ciphers) {
                for (int h : hashes) {
                    out.add(new Phase1Proposal(c[0], c[1], h, g));
                }
            }
        }
        return out;
    }

    private static List<EspProposal> espProposals(Profile profile) {
        List<EspProposal> out = new ArrayList<>();
        for (int[] c : ciphers(profile.phase2().transform(), profile.phase2().keyLength(), false)) {
            if (profile.phase2().transform().isAead()) {
                out.add(new EspProposal(c[0], c[1], 0)); // AES-GCM brings its own integrity check
                continue;
            }
            for (int h : hashes(profile.phase2().hmac(), true)) {
                out.add(new EspProposal(c[0], c[1], h));
            }
        }
        return out;
    }

    /** Pairs of (algorithm id, key bits) for IKE ({@code ike}) or ESP transform ids. */
    private static List<int[]> ciphers(Cipher cipher, int keyLength, boolean ike) {
        List<int[]> out = new ArrayList<>();
        int aes = ike ? IKE_AES : ESP_AES;
        switch (cipher) {
            case AUTO:
                for (int bits : new int[] {256, 192, 128}) {
                    out.add(new int[] {aes, bits});
                }
                out.add(new int[] {ike ? IKE_BLOWFISH : ESP_BLOWFISH, 128});
                out.add(new int[] {ike ? IKE_3DES : ESP_3DES, 0});
                out.add(new int[] {ike ? IKE_CAST : ESP_CAST, 128});
                break;
            case AES:
                for (int bits : keyLength > 0 ? new int[] {keyLength} : new int[] {256, 192, 128}) {
                    out.add(new int[] {aes, bits});
                }
                break;
            case BLOWFISH:
                out.add(new int[] {ike ? IKE_BLOWFISH : ESP_BLOWFISH, keyLength > 0 ? keyLength : 128});
                break;
            case TRIPLE_DES:
                out.add(new int[] {ike ? IKE_3DES : ESP_3DES, 0});
                break;
            case CAST:
                out.add(new int[] {ike ? IKE_CAST : ESP_CAST, keyLength > 0 ? keyLength : 128});
                break;
            case AES_GCM_8:
            case AES_GCM_12:
            case AES_GCM_16:
                int id = cipher == Cipher.AES_GCM_8 ? ESP_AES_GCM_8 : cipher == Cipher.AES_GCM_12 ? ESP_AES_GCM_12
                        : ESP_AES_GCM_16;
                for (int bits : keyLength > 0 ? new int[] {keyLength} : new int[] {256, 192, 128}) {
                    out.add(new int[] {id, bits});
                }
                break;
            default:
                out.add(new int[] {ike ? IKE_DES : ESP_DES, 0});
                break;
        }
        return out;
    }

    /** IKE hash values, or ESP authentication algorithm values when {@code esp}. */
    private static List<Integer> hashes(HashAlgorithm hash, boolean esp) {
        switch (hash) {
            case AUTO:
                return esp ? List.of(2, 5, 6, 7) : List.of(2);
            case MD5:
                return List.of(1);
            case SHA1:
                return List.of(2);
            case SHA2_256:
                return List.of(esp ? 5 : 4);
            case SHA2_384:
                return List.of(esp ? 6 : 5);
            default:
                return List.of(esp ? 7 : 6);
        }
    }

    private static ConnectRequest.HostConfig hostConfig(Profile profile) {
        ConnectRequest.ModeConfigMode mode;
        switch (profile.autoConfig()) {
            case PULL: mode = ConnectRequest.ModeConfigMode.PULL; break;
            case PUSH: mode = ConnectRequest.ModeConfigMode.PUSH; break;
            case DISABLED: mode = ConnectRequest.ModeConfigMode.DISABLED; break;
            default: throw new IllegalArgumentException("DHCP over IPsec is not supported; use Mode Config (pull)");
        }
        DnsSettings dns = profile.nameResolution().dns();
        SplitDnsSettings split = profile.nameResolution().splitDns();
        Optional<Ipv4Network> address = profile.adapter().addressAuto() ? Optional.empty() : profile.adapter().address();
        return new ConnectRequest.HostConfig(mode, address.map(Ipv4Network::address), address.map(Ipv4Network::prefixLength).orElse(32),
                profile.adapter().mtu(), dns.used() && dns.auto(), dns.used() && !dns.auto() ? dns.servers() : List.of(),
                dns.used() && dns.suffixAuto(), dns.used() && !dns.suffixAuto() ? dns.suffix() : Optional.empty(),
                split.used() && !split.auto() ? split.domains() : List.of(), profile.policy().topologyAuto(),
                networks(profile.policy().include()), networks(profile.policy().exclude()), profile.requestBanner());
    }

    /** The profile's networks as the engine takes them: host bits cleared. */
    private static List<Ipv4Network> networks(List<Ipv4Network> nets) {
        return nets.stream().map(Ipv4Network::network).toList();
    }
}
