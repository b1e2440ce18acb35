package dev.roadwarrior.engine.ike.task;

import static dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType.*;

import dev.roadwarrior.engine.api.ConnectException;
import dev.roadwarrior.engine.api.ConnectRequest.HostConfig;
import dev.roadwarrior.engine.api.FailureReason;
import dev.roadwarrior.engine.ike.IkeSa;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.IkeProtocolException;
import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.UnitySplitNetworks;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mode Config (draft-ietf-ipsec-isakmp-mode-cfg-05) with Cisco Unity attributes. Pull: we send
 * REQUEST, the gateway REPLYs. Push: the gateway sends SET, we ACK. Either way the result is a
 * {@link ModeConfigResult}.
 */
public final class ModeConfigTask implements Task {

    /** What we tell the gateway we are, in APPLICATION_VERSION. */
    public static final String APPLICATION_VERSION_TEXT = "Roadwarrior IKEv1 client:Linux";

    private final IkeSa sa;
    private final Optional<Inet4Address> preferred;
    private final int messageId;
    private final int identifier;
    private ModeConfigResult result;

    /** A pull task (we ask); for push, the gateway's SET arrives on {@link #process} directly. */
    public ModeConfigTask(IkeSa sa) {
        this(sa, Optional.empty());
    }

    /**
     * A pull task that asks for {@code preferred} as the virtual address (the one in use, when
     * the connection is renewed), so that the host keeps its configuration.
     */
    public ModeConfigTask(IkeSa sa, Optional<Inet4Address> preferred) {
        this.sa = sa;
        this.preferred = preferred;
        this.messageId = sa.newMessageId();
        this.identifier = ByteBuffer.wrap(sa.crypto().randomBytes(2)).getShort() & 0xffff;
    }

    /** The assigned configuration, once received. */
    public Optional<ModeConfigResult> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public TaskType type() {
        return TaskType.MODE_CONFIG;
    }

    @Override
    public IkeMessage build() {
        HostConfig config = sa.request().config();
        List<DataAttribute> ask = new ArrayList<>();
        ask.add(DataAttribute.variable(INTERNAL_IP4_ADDRESS, preferred.map(Inet4Address::getAddress).orElse(new byte[0])));
        for (int type : List.of(INTERNAL_IP4_NETMASK, INTERNAL_IP4_DNS, INTERNAL_IP4_NBNS)) {
            ask.add(DataAttribute.variable(type, new byte[0]));
        }
        ask.add(DataAttribute.variable(APPLICATION_VERSION, APPLICATION_VERSION_TEXT));
        List<Integer> unity = new ArrayList<>(List.of(UNITY_SAVE_PASSWD));
        if (sa.request().phase2().pfsGroup().isEmpty() && sa.request().phase2().gatewayPfs()) {
            unity.add(UNITY_PFS);
        }
        if (config.requestBanner()) {
            unity.add(UNITY_BANNER);
        }
        if (config.requestDomain()) {
            unity.add(UNITY_DEF_DOMAIN);
            unity.add(UNITY_SPLIT_DNS_NAME);
        }
        if (config.requestSplitNetworks()) {
            unity.add(UNITY_SPLIT_INCLUDE);
            unity.add(UNITY_LOCAL_LAN);
        }
        for (int type : unity) {
            ask.add(DataAttribute.variable(type, new byte[0]));
        }
        return HashedMessages.build(sa, ExchangeType.TRANSACTION, messageId,
                List.of(new AttributePayload(AttributePayload.REQUEST, identifier, ask)));
    }

    @Override
    public TaskResult process(IkeMessage message) throws IkeProtocolException, ConnectException {
        HashedMessages.verify(sa, message);
        AttributePayload attrs = message.first(AttributePayload.class).orElseThrow(() ->
                new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, "transaction without attributes"));
        if (attrs.messageType() == AttributePayload.REPLY) {
            result = parse(attrs);
            return TaskResult.finished();
        }
        if (attrs.messageType() == AttributePayload.SET) {
            result = parse(attrs);
            List<DataAttribute> acked = new ArrayList<>();
            for (DataAttribute a : attrs.attributes()) {
                acked.add(DataAttribute.variable(a.type(), new byte[0]));
            }
            return TaskResult.finished(HashedMessages.build(sa, ExchangeType.TRANSACTION, message.header().messageId(),
                    List.of(new AttributePayload(AttributePayload.ACK, attrs.identifier(), acked))));
        }
        throw new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, "unexpected Mode Config type " + attrs.messageType());
    }

    static ModeConfigResult parse(AttributePayload attrs) throws IkeProtocolException, ConnectException {
        Optional<Inet4Address> address = first(attrs, INTERNAL_IP4_ADDRESS);
        if (address.isEmpty()) {
            throw new ConnectException(FailureReason.PROTOCOL_ERROR, "the gateway assigned no virtual address");
        }
        List<Ipv4Network> include = new ArrayList<>();
        for (DataAttribute a : attrs.attributes(UNITY_SPLIT_INCLUDE)) {
            include.addAll(UnitySplitNetworks.decode(a.value()));
        }
        List<Ipv4Network> exclude = new ArrayList<>();
        for (DataAttribute a : attrs.attributes(UNITY_LOCAL_LAN)) {
            exclude.addAll(UnitySplitNetworks.decode(a.value()));
        }
        List<String> splitDns = new ArrayList<>();
        for (DataAttribute a : attrs.attributes(UNITY_SPLIT_DNS_NAME)) {
            for (String d : a.stringValue().split(",")) {
                if (!d.isBlank()) {
                    splitDns.add(d.trim());
                }
            }
        }
        Optional<Integer> pfs = Optional.empty();
        Optional<DataAttribute> pfsAttr = attrs.attribute(UNITY_PFS);
        if (pfsAttr.isPresent() && pfsAttr.get().value().length > 0 && pfsAttr.get().longValue() > 0) {
            pfs = Optional.of((int) pfsAttr.get().longValue());
        }
        return new ModeConfigResult(address.get(), first(attrs, INTERNAL_IP4_NETMASK), all(attrs, INTERNAL_IP4_DNS),
                all(attrs, INTERNAL_IP4_NBNS), text(attrs, UNITY_DEF_DOMAIN), splitDns, include, exclude,
                text(attrs, UNITY_BANNER), attrs.attribute(UNITY_SAVE_PASSWD).map(a -> longOr0(a) == 1).orElse(false),
                pfs);
    }

    private static long longOr0(DataAttribute a) {
        try {
            return a.value().length == 0 && !a.basic() ? 0 : a.longValue();
        } catch (IkeProtocolException e) {
            return 0;
        }
    }

    private static Optional<String> text(AttributePayload attrs, int type) {
        return attrs.attribute(type).map(DataAttribute::stringValue).map(s -> s.replace("\0", "").trim())
                .filter(s -> !s.isEmpty());
    }

    private static Optional<Inet4Address> first(AttributePayload attrs, int type) throws IkeProtocolException {
        List<Inet4Address> all = all(attrs, type);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<Inet4Address> all(AttributePayload attrs, int type) throws IkeProtocolException {
        List<Inet4Address> out = new ArrayList<>();
        for (DataAttribute a : attrs.attributes(type)) {
            if (a.value().length == 0) {
                continue;
            }
            if (a.value().length != 4) {
                throw new IkeProtocolException(NotifyType.PAYLOAD_MALFORMED, "attribute " + type + " is not an IPv4 address");
            }
            try {
                out.add((Inet4Address) InetAddress.getByAddress(a.value()));
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }
}
