package dev.roadwarrior.engine.ike.phase1;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest;
import dev.roadwarrior.engine.crypto.Prf;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.payload.CertRequestPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.keymat.Keymat;
import java.net.Inet4Address;
import java.time.InstantSource;
import java.util.List;

/**
 * How phase 1 authenticates both ends for the profile's method, as strongSwan's IKEv1
 * authenticators do: which SKEYID to derive, what we send as proof, and how the gateway's proof
 * is checked. Main and Aggressive Mode use it the same way; only where the payloads travel
 * differs.
 * <ul>
 * <li>Pre-shared key (with or without XAuth): SKEYID = prf(psk, Ni | Nr); HASH_I both ways.
 * <li>Signatures (mutual RSA, with or without XAuth): SKEYID = prf(Ni | Nr, g^xy); each side
 *     sends its certificate and signs its hash.
 * <li>Hybrid (draft-ietf-ipsec-isakmp-hybrid-auth-05, RSA or Cisco group): SKEYID as for
 *     signatures; the gateway signs, we send HASH_I (plus, for the group variant, the group
 *     hash notify) and prove ourselves with XAuth afterwards.
 * </ul>
 * Instances are built before the first packet, so unusable certificate files fail at once.
 *
 * <p>Threading: confined to the engine thread.
 */
public sealed interface Phase1Authenticator permits PreSharedKeyAuthenticator, SignatureAuthenticator {

    /**
     * The authenticator for the request's method; reads its certificate files.
     *
     * @param clock the time certificates must be valid at
     * @throws ConnectException CERTIFICATE_FILE_UNUSABLE for certificate or key files that cannot
     *     be used, NOT_SUPPORTED for identities the method cannot send
     */
    static Phase1Authenticator of(ConnectRequest request, InstantSource clock) throws ConnectException {
        return request.phase1().auth().usesPreSharedKey() ? new PreSharedKeyAuthenticator(request)
                : SignatureAuthenticator.of(request, clock);
    }

    /** SKEYID for this method and the keys derived from it. */
    Keymat keymat(Prf prf, byte[] nonceI, byte[] nonceR, byte[] gxy, byte[] cookieI, byte[] cookieR);

    /** Our identification payload (IDii). */
    IdPayload localId(Inet4Address localAddress) throws ConnectException;

    /** Certificate requests to send with our nonce, so that the gateway sends its certificate. */
    List<CertRequestPayload> certificateRequests();

    /**
     * Our proof of identity: HASH_I, or our certificates and SIG_I; with the Cisco group hash
     * for hybrid group authentication.
     *
     * @param hashI HASH_I as both sides compute it
     * @param cookies CKY-I | CKY-R, the ISAKMP SA's SPI for notifies
     */
    List<Payload> proof(Keymat keymat, byte[] hashI, byte[] cookies) throws ConnectException;

    /**
     * Checks the gateway's proof in its authenticating message and that it is the gateway the
     * profile names.
     *
     * @param idR the gateway's ID payload from that message
     * @param hashR HASH_R as we compute it
     * @return who the gateway proved to be, in words for progress reports
     * @throws ConnectException WRONG_GROUP_PASSWORD, CERTIFICATE_NOT_TRUSTED,
     *     GATEWAY_AUTHENTICATION_FAILED or IDENTITY_REJECTED
     */
    String verify(IkeMessage message, IdPayload idR, byte[] hashR) throws ConnectException;
}
