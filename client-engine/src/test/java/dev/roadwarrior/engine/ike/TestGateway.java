package dev.roadwarrior.engine.ike;

import static dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType.INTERNAL_IP4_ADDRESS;
import static dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType.XAUTH_STATUS;
import static dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType.XAUTH_USER_NAME;
import static dev.roadwarrior.engine.ike.codec.payload.ConfigAttributeType.XAUTH_USER_PASSWORD;

import dev.roadwarrior.engine.crypto.BlockCipher;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.KeyExchange;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.ike.codec.ExchangeType;
import dev.roadwarrior.engine.ike.codec.IkeHeader;
import dev.roadwarrior.engine.ike.codec.IkeMessage;
import dev.roadwarrior.engine.ike.codec.VendorId;
import dev.roadwarrior.engine.ike.codec.payload.AttributePayload;
import dev.roadwarrior.engine.ike.codec.payload.DataAttribute;
import dev.roadwarrior.engine.ike.codec.payload.DeletePayload;
import dev.roadwarrior.engine.ike.codec.payload.HashPayload;
import dev.roadwarrior.engine.ike.codec.payload.IdPayload;
import dev.roadwarrior.engine.ike.codec.payload.KePayload;
import dev.roadwarrior.engine.ike.codec.payload.NoncePayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyPayload;
import dev.roadwarrior.engine.ike.codec.payload.NotifyType;
import dev.roadwarrior.engine.ike.codec.payload.Payload;
import dev.roadwarrior.engine.ike.codec.payload.Proposal;
import dev.roadwarrior.engine.ike.codec.payload.ProtocolId;
import dev.roadwarrior.engine.ike.codec.payload.SaPayload;
import dev.roadwarrior.engine.ike.codec.payload.Transform;
import dev.roadwarrior.engine.ike.keymat.IvManager;
import dev.roadwarrior.engine.ike.keymat.Keymat;
import dev.roadwarrior.engine.ike.keymat.MessageEncryption;
import dev.roadwarrior.engine.ike.proposal.IkeAttributes;
import dev.roadwarrior.engine.ike.proposal.Phase1Choice;
import dev.roadwarrior.engine.ike.proposal.Phase1Proposals;
import dev.roadwarrior.net.Ipv4Network;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A small IKEv1 gateway for tests of the whole client: Aggressive Mode with a pre-shared key (and
 * XAuth when asked for; no NAT-T), Mode Config pull, Quick Mode as responder, informational exchanges (DPD
 * answers, deletes). It keeps one state per ISAKMP SA (by the client's cookie), logs what it saw
 * in {@link #log}, and can be switched off ({@link #alive}) or made to delete SAs. Written from
 * RFC 2409 with the engine's crypto building blocks; no checks beyond what the tests need.
 */
final class TestGateway {

    static final Inet4Address ADDRESS = Ipv4Network.parseAddress("10.88.0.1");

    private final IkeCrypto crypto = new JcaIkeCrypto();
    private final byte[] psk;
    private final Map<Long, Sa> sas = new LinkedHashMap<>();
    private final Set<Integer> received = new HashSet<>();
    /** What the gateway saw, in order: "AM", "AM initial-contact", "INITIAL_CONTACT", "MC 10.88.0.1", "QM", ... */
    final List<String> log = new ArrayList<>();
    /** A dead gateway drops everything. */
    boolean alive = true;
    /** Answer phase 1 with NO_PROPOSAL_CHOSEN (a gateway whose configuration changed). */
    boolean refuseProposals;
    /** When set, XAuth follows phase 1 and this password is the right one. */
    String xauthPassword;
    /** How many of the next third Aggressive Mode messages are lost on the way (no XAuth follows them). */
    int loseThirdMessages;
    /** A gateway that accepts phase 1 but never starts XAuth (configured for another method). */
    boolean neverStartXauth;
    /**
     * Zero bytes (0 to 3) added inside the last payload of every message, counted in its length,
     * as libreswan pads messages to a multiple of 4 bytes ({@code ikepad=yes}).
     */
    int padding;
    /**
     * Rewrites the payloads after HASH of every encrypted message the gateway sends, before they
     * are hashed and encrypted (the fuzz test's hostile gateway); by default it keeps them.
     */
    UnaryOperator<List<Payload>> rewrite = UnaryOperator.identity();
    private int nextSpi = 0x7000_0000;

    /** One ISAKMP SA as the gateway holds it. */
    private final class Sa {
        long cookieI;
        final long cookieR = 0x4000_0000_0000_0000L + sas.size();
        Keymat keymat;
        MessageEncryption encryption;
        /** Quick Modes awaiting HASH(3): message ID to the client's and the gateway's SPI. */
        final Map<Integer, int[]> pending = new HashMap<>();
        /** Installed child SAs: the client's inbound SPI to the gateway's. */
        final Map<Integer, Integer> children = new LinkedHashMap<>();
    }

    TestGateway(byte[] psk) {
        this.psk = psk.clone();
    }

    /** The client cookies of the ISAKMP SAs established so far, oldest first. */
    List<Long> cookies() {
        return List.copyOf(sas.keySet());
    }

    /** The child SAs of the SA with this cookie: client inbound SPI to gateway inbound SPI. */
    Map<Integer, Integer> children(long cookieI) {
        return Map.copyOf(sas.get(cookieI).children);
    }

    /** Handles a datagram from the client; returns the answers. */
    List<byte[]> receive(byte[] datagram) throws Exception {
        if (!alive || !received.add(Arrays.hashCode(datagram))) {
            return List.of(); // dead, or a copy of a message already handled
        }
        IkeHeader header = IkeHeader.decode(datagram);
        if (header.exchangeType().equals(ExchangeType.AGGRESSIVE) && header.isEncrypted() && loseThirdMessages > 0) {
            loseThirdMessages--;
            received.remove(Arrays.hashCode(datagram)); // lost on the way: a copy will be new to us
            return List.of();
        }
        if (header.exchangeType().equals(ExchangeType.AGGRESSIVE) && !header.isEncrypted()) {
            return List.of(aggressive(IkeMessage.decode(datagram)));
        }
        Sa sa = sas.get(header.initiatorCookie());
        if (sa == null) {
            return List.of();
        }
        int mid = header.messageId();
        byte[] body = sa.encryption.decrypt(mid, Arrays.copyOfRange(datagram, IkeHeader.SIZE, header.length()));
        sa.encryption.confirm(mid);
        IkeMessage m = IkeMessage.decode(header, body);
        if (header.exchangeType().equals(ExchangeType.AGGRESSIVE)) {
            boolean contact = m.all(NotifyPayload.class).stream().anyMatch(n -> n.notifyType().equals(
                    NotifyType.INITIAL_CONTACT));
            log.add(contact ? "AM initial-contact" : "AM");
            return xauthPassword == null || neverStartXauth ? List.of() : List.of(hashed(sa, ExchangeType.TRANSACTION, 0x2000_0001,
                    List.of(new AttributePayload(AttributePayload.REQUEST, 1, List.of(
                            DataAttribute.variable(XAUTH_USER_NAME, new byte[0]),
                            DataAttribute.variable(XAUTH_USER_PASSWORD, new byte[0]))))));
        }
        if (header.exchangeType().equals(ExchangeType.TRANSACTION)) {
            AttributePayload request = m.first(AttributePayload.class).orElseThrow();
            if (request.messageType() == AttributePayload.ACK) {
                return List.of();
            }
            if (request.messageType() == AttributePayload.REPLY) {
                String password = new String(request.attribute(XAUTH_USER_PASSWORD).orElseThrow().value(),
                        StandardCharsets.UTF_8);
                boolean ok = password.equals(xauthPassword);
                log.add("XAUTH " + (ok ? "ok" : "refused"));
                return List.of(hashed(sa, ExchangeType.TRANSACTION, 0x2000_0002, List.of(new AttributePayload(
                        AttributePayload.SET, 2, List.of(DataAttribute.basic(XAUTH_STATUS, ok ? 1 : 0))))));
            }
            byte[] asked = request.attribute(INTERNAL_IP4_ADDRESS).orElseThrow().value();
            log.add("MC" + (asked.length == 4 ? " asks " + InetAddress.getByAddress(asked).getHostAddress() : ""));
            return List.of(hashed(sa, ExchangeType.TRANSACTION, mid, List.of(new AttributePayload(
                    AttributePayload.REPLY, request.identifier(), List.of(DataAttribute.variable(INTERNAL_IP4_ADDRESS,
                            ADDRESS.getAddress()))))));
        }
        if (header.exchangeType().equals(ExchangeType.QUICK_MODE)) {
            return quickMode(sa, mid, m);
        }
        return informational(sa, m);
    }

    /** The informational message deleting the ISAKMP SA with this client cookie. */
    byte[] deleteIkeSa(long cookieI) {
        Sa sa = sas.remove(cookieI);
        byte[] spi = ByteBuffer.allocate(16).putLong(sa.cookieI).putLong(sa.cookieR).array();
        return hashed(sa, ExchangeType.INFORMATIONAL, 0x6000_0001,
                List.of(new DeletePayload(1, ProtocolId.ISAKMP, 16, List.of(spi))));
    }

    /** The informational message deleting a child SA, named by the gateway's inbound SPI. */
    byte[] deleteChild(long cookieI, int clientInboundSpi) {
        Sa sa = sas.get(cookieI);
        int gatewaySpi = sa.children.remove(clientInboundSpi);
        return hashed(sa, ExchangeType.INFORMATIONAL, 0x6000_0002, List.of(new DeletePayload(1, ProtocolId.ESP, 4,
                List.of(ByteBuffer.allocate(4).putInt(gatewaySpi).array()))));
    }

    private byte[] aggressive(IkeMessage msg1) throws Exception {
        if (refuseProposals) {
            return new IkeMessage(IkeHeader.of(msg1.header().initiatorCookie(), 0, ExchangeType.INFORMATIONAL, 0, 0),
                    List.of(new NotifyPayload(1, ProtocolId.ISAKMP, NotifyType.NO_PROPOSAL_CHOSEN, new byte[0],
                            new byte[0]))).encode();
        }
        Sa sa = new Sa();
        sa.cookieI = msg1.header().initiatorCookie();
        sas.put(sa.cookieI, sa);
        SaPayload offer = msg1.first(SaPayload.class).orElseThrow();
        Proposal first = offer.proposals().get(0);
        SaPayload chosen = SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ISAKMP, new byte[0],
                List.of(first.transforms().get(0)))));
        Phase1Choice choice = Phase1Proposals.select(offer, chosen);
        byte[] publicI = msg1.first(KePayload.class).orElseThrow().data();
        byte[] nonceI = msg1.first(NoncePayload.class).orElseThrow().data();
        KeyExchange ke = crypto.createKeyExchange(choice.group());
        byte[] publicR = ke.publicValue();
        byte[] nonceR = crypto.randomBytes(20);
        byte[] cookies = ByteBuffer.allocate(16).putLong(sa.cookieI).putLong(sa.cookieR).array();
        sa.keymat = Keymat.forPreSharedKey(crypto.createPrf(choice.hash()), psk, nonceI, nonceR,
                ke.sharedSecret(publicI), Arrays.copyOf(cookies, 8), Arrays.copyOfRange(cookies, 8, 16));
        BlockCipher cipher = crypto.createCipher(choice.cipher(), choice.keyBits());
        sa.encryption = sa.keymat.messageEncryption(cipher, new IvManager(crypto.createHasher(choice.hash()), cipher.blockSize(), publicI, publicR));
        IdPayload id = IdPayload.ipv4Address(Ipv4Network.parseAddress("192.0.2.1"));
        byte[] hashR = sa.keymat.hashR(publicI, publicR, msg1.rawBody(msg1.indexOf(SaPayload.class)), id.encodeBody());
        IkeMessage msg2 = new IkeMessage(IkeHeader.of(sa.cookieI, sa.cookieR, ExchangeType.AGGRESSIVE, 0, 0),
                List.of(chosen, new KePayload(publicR), new NoncePayload(nonceR), id, new HashPayload(hashR),
                        VendorId.DPD.payload()));
        return msg2.encodeWithBody(pad(msg2.encodePayloads()));
    }

    private List<byte[]> quickMode(Sa sa, int mid, IkeMessage m) {
        if (m.first(SaPayload.class).isEmpty()) { // HASH(3)
            int[] spis = sa.pending.remove(mid);
            if (spis != null) {
                log.add("QM");
                sa.children.put(spis[0], spis[1]);
            }
            return List.of();
        }
        Proposal offered = m.first(SaPayload.class).orElseThrow().proposals().get(0);
        int spi = nextSpi++;
        SaPayload chosen = SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ESP,
                ByteBuffer.allocate(4).putInt(spi).array(), List.of(offered.transforms().get(0)))));
        byte[] nonceI = m.first(NoncePayload.class).orElseThrow().data();
        List<Payload> rest = new ArrayList<>(List.of(chosen, new NoncePayload(crypto.randomBytes(20))));
        rest.addAll(m.all(IdPayload.class));
        rest = rewrite.apply(rest);
        List<Payload> all = new ArrayList<>();
        all.add(new HashPayload(sa.keymat.messageHash(mid, nonceI, pad(IkeMessage.encodeChain(rest)))));
        all.addAll(rest);
        sa.pending.put(mid, new int[] {ByteBuffer.wrap(offered.spi()).getInt(), spi});
        IkeMessage reply = new IkeMessage(IkeHeader.of(sa.cookieI, sa.cookieR, ExchangeType.QUICK_MODE,
                IkeHeader.FLAG_ENCRYPTION, mid), all);
        return List.of(reply.encodeWithBody(sa.encryption.encrypt(mid, pad(reply.encodePayloads()))));
    }

    private List<byte[]> informational(Sa sa, IkeMessage m) {
        List<byte[]> out = new ArrayList<>();
        for (NotifyPayload n : m.all(NotifyPayload.class)) {
            if (n.notifyType().equals(NotifyType.R_U_THERE)) {
                log.add("R-U-THERE");
                out.add(hashed(sa, ExchangeType.INFORMATIONAL, 0x5000_0000 + ByteBuffer.wrap(n.data()).getInt(),
                        List.of(new NotifyPayload(1, ProtocolId.ISAKMP, NotifyType.R_U_THERE_ACK, n.spi(), n.data()))));
            } else {
                log.add(n.notifyType().toString());
            }
        }
        for (DeletePayload d : m.all(DeletePayload.class)) {
            if (d.protocolId() == ProtocolId.ISAKMP) {
                log.add("DELETE ISAKMP");
                sas.remove(sa.cookieI);
            } else {
                int spi = ByteBuffer.wrap(d.spis().get(0)).getInt();
                log.add("DELETE ESP " + Integer.toHexString(spi));
                sa.children.remove(spi);
            }
        }
        return out;
    }

    /**
     * The first message of a Quick Mode the gateway starts on the ISAKMP SA with this client cookie (as
     * strongSwan does to renew a pair, or after the client's address changed): AES-256 with HMAC-SHA1, the
     * protected network to the client's virtual address.
     */
    byte[] quickModeRequest(long cookieI, int mid) {
        Transform aes256Sha1 = new Transform(1, 12, List.of(DataAttribute.basic(IkeAttributes.P2_LIFE_TYPE,
                IkeAttributes.LIFE_SECONDS), DataAttribute.ofLong(IkeAttributes.P2_LIFE_DURATION, 3600),
                DataAttribute.basic(IkeAttributes.P2_ENCAPSULATION, IkeAttributes.ENCAPSULATION_TUNNEL),
                DataAttribute.basic(IkeAttributes.P2_AUTH_ALGORITHM, 2), DataAttribute.basic(IkeAttributes.P2_KEY_LENGTH, 256)));
        SaPayload offer = SaPayload.ipsec(List.of(new Proposal(1, ProtocolId.ESP,
                ByteBuffer.allocate(4).putInt(nextSpi++).array(), List.of(aes256Sha1))));
        return hashed(cookieI, ExchangeType.QUICK_MODE, mid, List.of(offer, new NoncePayload(crypto.randomBytes(20)),
                IdPayload.ipv4Subnet(Ipv4Network.parse("10.77.0.0/24")), IdPayload.ipv4Address(ADDRESS)));
    }

    /** An encrypted message of the ISAKMP SA with this client cookie, HASH first (unsolicited, for fuzz tests). */
    byte[] hashed(long cookieI, ExchangeType type, int mid, List<Payload> payloads) {
        return hashed(sas.get(cookieI), type, mid, payloads);
    }

    private byte[] hashed(Sa sa, ExchangeType type, int mid, List<Payload> original) {
        List<Payload> payloads = rewrite.apply(original);
        List<Payload> all = new ArrayList<>();
        all.add(new HashPayload(sa.keymat.messageHash(mid, pad(IkeMessage.encodeChain(payloads)))));
        all.addAll(payloads);
        IkeMessage message = new IkeMessage(IkeHeader.of(sa.cookieI, sa.cookieR, type, IkeHeader.FLAG_ENCRYPTION, mid),
                all);
        return message.encodeWithBody(sa.encryption.encrypt(mid, pad(message.encodePayloads())));
    }

    /** The payload chain with {@link #padding} zero bytes added inside its last payload. */
    private byte[] pad(byte[] chain) {
        if (padding == 0) {
            return chain;
        }
        int last = 0;
        while ((chain[last] & 0xff) != 0) { // walk the generic headers: next payload, reserved, length
            last += ByteBuffer.wrap(chain, last + 2, 2).getShort() & 0xffff;
        }
        byte[] padded = Arrays.copyOf(chain, chain.length + padding);
        ByteBuffer.wrap(padded, last + 2, 2).putShort((short) ((chain.length - last) + padding));
        return padded;
    }
}
