package dev.roadwarrior.engine.api;

import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * Everything the engine needs for one connection, already resolved from a profile and its
 * secrets. Immutable apart from the secret arrays, which the engine wipes when the connection
 * ends ({@link Credentials#destroy()}).
 *
 * @param name the profile name, for logs and status
 * @param gatewayHost the gateway's host name or dotted address
 * @param ikePort the gateway's IKE port (500)
 * @param phase1 phase 1 settings
 * @param phase2 phase 2 settings
 * @param credentials secrets
 * @param transport NAT-T, fragmentation, DPD
 * @param config Mode Config and host settings
 */
public record ConnectRequest(
        String name,
        String gatewayHost,
        int ikePort,
        Phase1 phase1,
        Phase2 phase2,
        Credentials credentials,
        Transport transport,
        HostConfig config) {

    /** This request with other credentials. */
    public ConnectRequest withCredentials(Credentials other) {
        return new ConnectRequest(name, gatewayHost, ikePort, phase1, phase2, other, transport, config);
    }

    /** Phase 1 exchange. */
    public enum ExchangeMode { MAIN, AGGRESSIVE }

    /** Shrew Soft's six authentication methods. */
    public enum AuthMethod {
        PSK, PSK_XAUTH, RSA, RSA_XAUTH, HYBRID_RSA_XAUTH, HYBRID_GRP_XAUTH;

        /** Whether the user authenticates with XAuth after phase 1. */
        public boolean usesXauth() {
            return this != PSK && this != RSA;
        }

        /** Whether phase 1 uses the pre-shared key (group password). */
        public boolean usesPreSharedKey() {
            return this == PSK || this == PSK_XAUTH;
        }
    }

    /** Identity types of the IPsec DOI that profiles use; ANY accepts whatever the gateway sends. */
    public enum IdentityType { ANY, ADDRESS, FQDN, USER_FQDN, KEY_ID, ASN1_DN }

    /** An identity; an empty {@code data} means "derive it" (local address, certificate subject). */
    public record Identity(IdentityType type, String data) {
    }

    /**
     * One phase 1 transform to offer.
     *
     * @param cipher the IKE encryption algorithm attribute value (RFC 2409 App. A: 1 DES, 3 Blowfish, 5 3DES, 6 CAST, 7 AES)
     * @param keyBits the key length in bits, 0 for the algorithm's fixed length
     * @param hash the IKE hash attribute value (1 MD5, 2 SHA1, 4 SHA2-256, 5 SHA2-384, 6 SHA2-512)
     * @param dhGroup the group description (1, 2, 5, 14-18, 19-21)
     */
    public record Phase1Proposal(int cipher, int keyBits, int hash, int dhGroup) {
    }

    /**
     * @param exchange Main or Aggressive Mode
     * @param auth the authentication method
     * @param localId our identity (Aggressive Mode PSK: the group name as KEY_ID)
     * @param remoteId the gateway identity we accept
     * @param proposals transforms in order of preference
     * @param lifetimeSeconds 0: no lifetime attribute
     * @param lifetimeKilobytes 0: no lifetime attribute
     */
    public record Phase1(ExchangeMode exchange, AuthMethod auth, Identity localId, Identity remoteId,
            List<Phase1Proposal> proposals, long lifetimeSeconds, long lifetimeKilobytes) {
        public Phase1 {
            proposals = List.copyOf(proposals);
        }
    }

    /**
     * One ESP transform to offer.
     *
     * @param transformId the IPsec DOI ESP transform ID (3 3DES, 12 AES-CBC, 18/19/20 AES-GCM ...)
     * @param keyBits the key length in bits, 0 for the algorithm's fixed length
     * @param authAlgorithm the authentication algorithm attribute (1 HMAC-MD5, 2 HMAC-SHA1, 5/6/7 SHA2), 0 for AEAD
     */
    public record EspProposal(int transformId, int keyBits, int authAlgorithm) {
    }

    /**
     * @param proposals ESP transforms in order of preference
     * @param pfsGroup the PFS group; empty: none of our own (see {@code gatewayPfs})
     * @param lifetimeSeconds 0: no lifetime attribute
     * @param lifetimeKilobytes 0: no lifetime attribute
     * @param gatewayPfs with no {@code pfsGroup}: ask the gateway for its PFS group (Cisco Unity PFS
     *     attribute in Mode Config) and use it if it names one
     */
    public record Phase2(List<EspProposal> proposals, Optional<Integer> pfsGroup, long lifetimeSeconds,
            long lifetimeKilobytes, boolean gatewayPfs) {
        public Phase2 {
            proposals = List.copyOf(proposals);
        }

        /** Without asking the gateway for a PFS group. */
        public Phase2(List<EspProposal> proposals, Optional<Integer> pfsGroup, long lifetimeSeconds,
                long lifetimeKilobytes) {
            this(proposals, pfsGroup, lifetimeSeconds, lifetimeKilobytes, false);
        }
    }

    /**
     * Secrets and certificate material. The arrays are wiped by {@link #destroy()} when the
     * connection ends. Certificate and key files are passed as the profile holds them (PEM, DER
     * or PKCS#12); the engine parses them when the connection starts.
     *
     * @param preSharedKey the group password / PSK bytes; empty when the method uses none
     * @param xauthUser the XAuth user name; empty: ask when the gateway asks
     * @param xauthPassword the XAuth password; empty: ask when the gateway asks
     * @param caCertificate the certificate authority file that must have issued the gateway's
     *     certificate; empty for the pre-shared key methods
     * @param clientCertificate our certificate file (mutual RSA); empty otherwise
     * @param clientKey our private key file (mutual RSA; may be the same PKCS#12 file as the
     *     certificate); empty otherwise
     * @param keyPassphrase the passphrase of an encrypted key or PKCS#12 file, if known
     */
    public record Credentials(byte[] preSharedKey, Optional<String> xauthUser, Optional<char[]> xauthPassword,
            byte[] caCertificate, byte[] clientCertificate, byte[] clientKey, Optional<char[]> keyPassphrase) {

        /** Credentials without certificate material (the pre-shared key methods). */
        public Credentials(byte[] preSharedKey, Optional<String> xauthUser, Optional<char[]> xauthPassword) {
            this(preSharedKey, xauthUser, xauthPassword, new byte[0], new byte[0], new byte[0], Optional.empty());
        }

        /**
         * A copy with its own secret arrays, so that destroying one leaves the other intact (the
         * engine keeps one for reconnects and phase 1 rekeys while the connection lives).
         */
        public Credentials copy() {
            return new Credentials(preSharedKey.clone(), xauthUser, xauthPassword.map(char[]::clone), caCertificate,
                    clientCertificate, clientKey.clone(), keyPassphrase.map(char[]::clone));
        }

        /** Overwrites the secret arrays with zeros. */
        public void destroy() {
            java.util.Arrays.fill(preSharedKey, (byte) 0);
            xauthPassword.ifPresent(p -> java.util.Arrays.fill(p, '\0'));
            java.util.Arrays.fill(clientKey, (byte) 0);
            keyPassphrase.ifPresent(p -> java.util.Arrays.fill(p, '\0'));
        }

        @Override
        public String toString() {
            return "Credentials[psk=" + (preSharedKey.length > 0 ? "(set)" : "(none)") + ", user="
                    + xauthUser.orElse("(ask)") + ", password=" + (xauthPassword.isPresent() ? "(set)" : "(ask)")
                    + ", ca=" + caCertificate.length + " bytes, certificate=" + clientCertificate.length
                    + " bytes, key=" + (clientKey.length > 0 ? "(set)" : "(none)") + "]";
        }
    }

    /** NAT traversal modes of Shrew Soft profiles. */
    public enum NatTraversalMode { DISABLE, ENABLE, FORCE_DRAFT, FORCE_RFC, FORCE_CISCO_UDP }

    /** IKE fragmentation modes. */
    public enum FragmentationMode { DISABLE, ENABLE, FORCE }

    /**
     * @param natt NAT-T mode
     * @param nattPort the gateway's NAT-T port (4500)
     * @param keepaliveSeconds NAT keepalive interval
     * @param fragmentation IKE fragmentation mode
     * @param fragmentSize the largest IKE datagram to send unfragmented
     * @param dpd whether to negotiate dead peer detection
     */
    public record Transport(NatTraversalMode natt, int nattPort, int keepaliveSeconds,
            FragmentationMode fragmentation, int fragmentSize, boolean dpd) {
    }

    /** Mode Config modes. */
    public enum ModeConfigMode { DISABLED, PULL, PUSH }

    /**
     * @param modeConfig how the virtual address is obtained
     * @param staticAddress the address when Mode Config is disabled or the address is not automatic
     * @param staticPrefixLength its prefix length
     * @param mtu the TUN MTU
     * @param requestDns ask the gateway for DNS servers
     * @param staticDns DNS servers from the profile (used when not requested)
     * @param requestDomain ask the gateway for the default domain (Unity)
     * @param staticDomain the domain from the profile
     * @param splitDnsDomains split-DNS domains from the profile
     * @param requestSplitNetworks ask the gateway for split networks (Unity); none sent: tunnel all
     * @param includeNetworks networks to tunnel from the profile (used when not requested)
     * @param excludeNetworks networks to keep local from the profile
     * @param requestBanner ask for the Unity banner
     */
    public record HostConfig(ModeConfigMode modeConfig, Optional<Inet4Address> staticAddress, int staticPrefixLength,
            int mtu, boolean requestDns, List<Inet4Address> staticDns, boolean requestDomain,
            Optional<String> staticDomain, List<String> splitDnsDomains, boolean requestSplitNetworks,
            List<Ipv4Network> includeNetworks, List<Ipv4Network> excludeNetworks, boolean requestBanner) {
        public HostConfig {
            staticDns = List.copyOf(staticDns);
            splitDnsDomains = List.copyOf(splitDnsDomains);
            includeNetworks = List.copyOf(includeNetworks);
            excludeNetworks = List.copyOf(excludeNetworks);
        }
    }
}
