package dev.roadwarrior.engine.ike.phase1;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.crypto.Prf;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.CertRequestPayload;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.ZeroPadding;
import dev.roadwarrior.engine.ike.keymat.Keymat;
import java.net.Inet4Address;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/** Pre-shared key authentication (RFC 2409 §5.4), also before XAuth: HASH_I and HASH_R. */
final class PreSharedKeyAuthenticator implements Phase1Authenticator {

    private final ConnectRequest request;

    PreSharedKeyAuthenticator(ConnectRequest request) {
        this.request = request;
    }

    @Override
    public Keymat keymat(Prf prf, byte[] nonceI, byte[] nonceR, byte[] gxy, byte[] cookieI, byte[] cookieR) {
        return Keymat.forPreSharedKey(prf, request.credentials().preSharedKey(), nonceI, nonceR, gxy, cookieI, cookieR);
    }

    @Override
    public IdPayload localId(Inet4Address localAddress) throws ConnectException {
        return Identities.local(request.phase1().localId(), localAddress, Optional.empty());
    }

    @Override
    public List<CertRequestPayload> certificateRequests() {
        return List.of();
    }

    @Override
    public List<Payload> proof(Keymat keymat, byte[] hashI, byte[] cookies) {
        return List.of(new HashPayload(hashI));
    }

    @Override
    public String verify(IkeMessage message, IdPayload idR, byte[] hashR) throws ConnectException {
        HashPayload hash = message.first(HashPayload.class).orElseThrow(() ->
                new ConnectException(FailureReason.PROTOCOL_ERROR, "the gateway sent no HASH_R"));
        if (!MessageDigest.isEqual(hashR, ZeroPadding.trim(hash.data(), hashR.length))) {
            throw new ConnectException(FailureReason.WRONG_GROUP_PASSWORD,
                    "the gateway's HASH_R does not match: the group password (pre-shared key) differs");
        }
        Identities.checkRemote(request.phase1().remoteId(), idR);
        return Identities.describe(idR) + " (pre-shared key)";
    }
}
