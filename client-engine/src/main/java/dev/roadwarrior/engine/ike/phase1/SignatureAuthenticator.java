package dev.roadwarrior.engine.ike.phase1;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest.AuthMethod;
import dev.roadwarrior.engine.api.ConnectRequest.Credentials;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.crypto.Prf;
import dev.roadwarrior.engine.ike.auth.CertificateFiles;
import dev.roadwarrior.engine.ike.auth.ClientCredential;
import dev.roadwarrior.engine.ike.auth.GatewayCertificates;
import dev.roadwarrior.engine.ike.auth.RsaSignatures;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.CertPayload;
import dev.roadwarrior.engine.ike.codec.payload.CertRequestPayload;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SignaturePayload;
import dev.roadwarrior.engine.ike.codec.payload.ZeroPadding;
import dev.roadwarrior.engine.ike.keymat.Keymat;
import java.io.ByteArrayInputStream;
import java.net.Inet4Address;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Authentication where the gateway signs with its certificate (RFC 2409 §5.1): mutual RSA, where
 * we sign too, and hybrid, where we send HASH_I instead and XAuth proves who we are. Either way
 * the gateway's certificate must chain to the profile's certificate authority, be valid now and
 * name the gateway, and its key must verify SIG_R.
 */
final class SignatureAuthenticator implements Phase1Authenticator {

    private final ConnectRequest request;
    private final GatewayCertificates trust;
    /** Ours for mutual RSA; empty for hybrid. */
    private final Optional<ClientCredential> own;
    private final boolean groupHash;

    private SignatureAuthenticator(ConnectRequest request, GatewayCertificates trust, Optional<ClientCredential> own,
            boolean groupHash) {
        this.request = request;
        this.trust = trust;
        this.own = own;
        this.groupHash = groupHash;
    }

    static SignatureAuthenticator of(ConnectRequest request, InstantSource clock) throws ConnectException {
        Credentials c = request.credentials();
        AuthMethod method = request.phase1().auth();
        GatewayCertificates trust = new GatewayCertificates(
                CertificateFiles.certificates(c.caCertificate(), "the certificate authority file"), clock);
        Optional<ClientCredential> own = method == AuthMethod.RSA || method == AuthMethod.RSA_XAUTH
                ? Optional.of(CertificateFiles.clientCredential(c.clientCertificate(), c.clientKey(), c.keyPassphrase()))
                : Optional.empty();
        if (method == AuthMethod.HYBRID_GRP_XAUTH && c.preSharedKey().length == 0) {
            throw new ConnectException(FailureReason.CREDENTIALS_MISSING,
                    "hybrid group authentication needs the group password");
        }
        return new SignatureAuthenticator(request, trust, own, method == AuthMethod.HYBRID_GRP_XAUTH);
    }

    @Override
    public Keymat keymat(Prf prf, byte[] nonceI, byte[] nonceR, byte[] gxy, byte[] cookieI, byte[] cookieR) {
        return Keymat.forSignatures(prf, nonceI, nonceR, gxy, cookieI, cookieR);
    }

    @Override
    public IdPayload localId(Inet4Address localAddress) throws ConnectException {
        return Identities.local(request.phase1().localId(), localAddress, own.map(ClientCredential::certificate));
    }

    @Override
    public List<CertRequestPayload> certificateRequests() {
        List<CertRequestPayload> out = new ArrayList<>();
        for (X500Principal ca : trust.authorityNames()) {
            out.add(new CertRequestPayload(CertPayload.X509_SIGNATURE, ca.getEncoded()));
        }
        return out;
    }

    @Override
    public List<Payload> proof(Keymat keymat, byte[] hashI, byte[] cookies) throws ConnectException {
        List<Payload> out = new ArrayList<>();
        if (own.isPresent()) {
            ClientCredential credential = own.get();
            out.add(certPayload(credential.certificate()));
            for (X509Certificate c : credential.intermediates()) {
                out.add(certPayload(c));
            }
            out.add(new SignaturePayload(RsaSignatures.sign(credential.privateKey(), hashI)));
            return out;
        }
        out.add(new HashPayload(hashI));
        if (groupHash) {
            out.add(new NotifyPayload(1, ProtocolId.ISAKMP, NotifyType.UNITY_GROUP_HASH, cookies,
                    keymat.groupHash(request.credentials().preSharedKey())));
        }
        return out;
    }

    @Override
    public String verify(IkeMessage message, IdPayload idR, byte[] hashR) throws ConnectException {
        List<X509Certificate> received = new ArrayList<>();
        for (CertPayload p : message.all(CertPayload.class)) {
            if (p.encoding() == CertPayload.X509_SIGNATURE) {
                received.add(decode(p.data()));
            }
        }
        X509Certificate gateway = trust.validate(received);
        CertificateIdentities.check(gateway, idR, request.phase1().remoteId());
        SignaturePayload signature = message.first(SignaturePayload.class).orElseThrow(() ->
                new ConnectException(FailureReason.GATEWAY_AUTHENTICATION_FAILED, "the gateway sent no signature"));
        byte[] signed = gateway.getPublicKey() instanceof RSAPublicKey rsa
                ? ZeroPadding.trim(signature.data(), (rsa.getModulus().bitLength() + 7) / 8) : signature.data();
        if (!RsaSignatures.verify(gateway.getPublicKey(), hashR, signed)) {
            throw new ConnectException(FailureReason.GATEWAY_AUTHENTICATION_FAILED,
                    "the gateway's signature does not verify with its certificate " + CertificateIdentities.describe(gateway));
        }
        return Identities.describe(idR) + " (certificate " + CertificateIdentities.describe(gateway) + ")";
    }

    private static CertPayload certPayload(X509Certificate c) throws ConnectException {
        try {
            return new CertPayload(CertPayload.X509_SIGNATURE, c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new ConnectException(FailureReason.CERTIFICATE_FILE_UNUSABLE, "the client certificate cannot be encoded");
        }
    }

    private static X509Certificate decode(byte[] der) throws ConnectException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new ConnectException(FailureReason.CERTIFICATE_NOT_TRUSTED,
                    "the gateway's certificate cannot be read (" + e.getMessage() + ")");
        }
    }
}
