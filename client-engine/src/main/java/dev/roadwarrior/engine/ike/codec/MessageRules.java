package dev.roadwarrior.engine.ike.codec;

import dev.roadwarrior.engine.ike.codec.payload.FragmentPayload;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.PayloadType;
import dev.roadwarrior.engine.ike.codec.payload.UnknownPayload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which payloads each exchange may carry, how often, and whether they must arrive encrypted: the
 * structural check of a received message before any task looks at it (after strongSwan's
 * payload rules, RFC 2409 §5). Tasks still check what each message of an exchange must contain.
 *
 * <p>Beyond counts and encryption:
 * <ul>
 *   <li>In the exchanges authenticated by HASH(1) (Quick Mode, and encrypted informational and
 *       transaction messages) the HASH payload must be present and first, because it covers only
 *       the payloads after it.</li>
 *   <li>Attribute payloads must be encrypted (strongSwan allows them in the clear): an
 *       unauthenticated XAuth request or Mode Config SET is never acted on.</li>
 *   <li>A fragment must be the only payload of its message, in any exchange.</li>
 *   <li>Payloads of unknown type are ignored; known payloads not allowed in the exchange are not.</li>
 * </ul>
 */
public final class MessageRules {

    private static final int MANY = 20;
    private static final int MAX_CERTS = 8;
    private static final int MAX_NAT_D = 10;

    private record Rule(PayloadType type, int min, int max, boolean encrypted) {
    }

    private record Exchange(List<Rule> rules, boolean hashFirst) {
    }

    private static final Map<ExchangeType, Exchange> EXCHANGES = new HashMap<>();

    static {
        List<Rule> phase1Clear = List.of(
                new Rule(PayloadType.SA, 0, 1, false),
                new Rule(PayloadType.KE, 0, 1, false),
                new Rule(PayloadType.NONCE, 0, 1, false),
                new Rule(PayloadType.VENDOR_ID, 0, MANY, false),
                new Rule(PayloadType.CERTREQ, 0, MANY, false),
                new Rule(PayloadType.NAT_D, 0, MAX_NAT_D, false),
                new Rule(PayloadType.NAT_D_DRAFT, 0, MAX_NAT_D, false),
                new Rule(PayloadType.NOTIFY, 0, MANY, false));
        EXCHANGES.put(ExchangeType.MAIN_MODE, new Exchange(concat(phase1Clear, List.of(
                new Rule(PayloadType.ID, 0, 1, true),
                new Rule(PayloadType.CERT, 0, MAX_CERTS, true),
                new Rule(PayloadType.SIG, 0, 1, true),
                new Rule(PayloadType.HASH, 0, 1, true))), false));
        // The responder's Aggressive Mode message is in the clear; the initiator's last may be too.
        EXCHANGES.put(ExchangeType.AGGRESSIVE, new Exchange(concat(phase1Clear, List.of(
                new Rule(PayloadType.ID, 0, 1, false),
                new Rule(PayloadType.CERT, 0, MAX_CERTS, false),
                new Rule(PayloadType.SIG, 0, 1, false),
                new Rule(PayloadType.HASH, 0, 1, false))), false));
        EXCHANGES.put(ExchangeType.INFORMATIONAL, new Exchange(List.of(
                new Rule(PayloadType.HASH, 0, 1, true),
                new Rule(PayloadType.NOTIFY, 0, MANY, false),
                new Rule(PayloadType.DELETE, 0, MANY, true),
                new Rule(PayloadType.VENDOR_ID, 0, MANY, true)), true));
        EXCHANGES.put(ExchangeType.TRANSACTION, new Exchange(List.of(
                new Rule(PayloadType.HASH, 0, 1, true),
                new Rule(PayloadType.ATTRIBUTE, 1, 1, true)), true));
        EXCHANGES.put(ExchangeType.QUICK_MODE, new Exchange(List.of(
                new Rule(PayloadType.HASH, 1, 1, true),
                new Rule(PayloadType.SA, 0, 2, true),
                new Rule(PayloadType.NONCE, 0, 1, true),
                new Rule(PayloadType.KE, 0, 1, true),
                new Rule(PayloadType.ID, 0, 2, true),
                new Rule(PayloadType.NAT_OA, 0, 2, true),
                new Rule(PayloadType.NAT_OA_DRAFT, 0, 2, true),
                new Rule(PayloadType.NOTIFY, 0, MANY, true),
                new Rule(PayloadType.VENDOR_ID, 0, MANY, true)), true));
    }

    private MessageRules() {
    }

    private static List<Rule> concat(List<Rule> a, List<Rule> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /**
     * Checks a received message against the rules of its exchange.
     *
     * @param wasEncrypted whether the message arrived encrypted (and decrypted correctly)
     * @throws IkeProtocolException INVALID_EXCHANGE_TYPE for an exchange without rules (unknown,
     *     Base, Authentication Only, New Group); INVALID_PAYLOAD_TYPE for a payload the exchange
     *     does not allow; INVALID_FLAGS for a payload that must be encrypted but was not;
     *     PAYLOAD_MALFORMED for wrong counts, a misplaced HASH or a fragment with company
     */
    public static void validate(IkeMessage message, boolean wasEncrypted) throws IkeProtocolException {
        ExchangeType exchangeType = message.header().exchangeType();
        Exchange exchange = EXCHANGES.get(exchangeType);
        if (exchange == null) {
            throw new IkeProtocolException(NotifyType.INVALID_EXCHANGE_TYPE, "no rules for " + exchangeType);
        }
        List<Payload> payloads = message.payloads();
        if (payloads.stream().anyMatch(p -> p instanceof FragmentPayload)) {
            if (payloads.size() != 1) {
                throw malformed("a fragment must be the only payload");
            }
            return;
        }
        for (Payload p : payloads) {
            if (p instanceof UnknownPayload) {
                continue;
            }
            Rule rule = rule(exchange, exchangeType, p.type());
            if (rule.encrypted && !wasEncrypted) {
                throw new IkeProtocolException(NotifyType.INVALID_FLAGS,
                        p.type() + " must be encrypted in " + exchangeType);
            }
        }
        for (Rule rule : exchange.rules) {
            long count = payloads.stream()
                    .filter(p -> !(p instanceof UnknownPayload) && p.type().equals(rule.type)).count();
            int min = exchange.hashFirst && wasEncrypted && rule.type.equals(PayloadType.HASH) ? 1 : rule.min;
            if (count < min || count > rule.max) {
                throw malformed(count + " " + rule.type + " payloads in " + exchangeType + ", allowed "
                        + min + "-" + rule.max);
            }
        }
        int hashAt = message.indexOf(HashPayload.class);
        if (exchange.hashFirst && hashAt > 0) {
            throw malformed("HASH must be the first payload in " + exchangeType);
        }
    }

    private static Rule rule(Exchange exchange, ExchangeType exchangeType, PayloadType type)
            throws IkeProtocolException {
        for (Rule r : exchange.rules) {
            if (r.type.equals(type)) {
                return r;
            }
        }
        throw new IkeProtocolException(NotifyType.INVALID_PAYLOAD_TYPE, type + " not allowed in " + exchangeType);
    }

    private static IkeProtocolException malformed(String detail) {
        return new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, detail);
    }
}
