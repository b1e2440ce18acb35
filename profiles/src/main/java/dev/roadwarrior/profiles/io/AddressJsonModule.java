package dev.roadwarrior.profiles.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.roadwarrior.net.Ipv4Network;
import java.io.IOException;
import java.net.Inet4Address;

/**
 * The JSON form of IPv4 values, shared by the profile files ({@link ProfileJson}) and the control
 * protocol (app-ui's {@code ControlCodec}): an address is the string {@code "10.0.0.1"}, a network
 * {@code "10.1.0.0/16"}. Reading is strict, as {@link Ipv4Network#parse} is: no spaces, no names
 * (never a DNS lookup), anything else is an {@link com.fasterxml.jackson.databind.exc.InvalidFormatException}.
 */
public final class AddressJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    public AddressJsonModule() {
        super("roadwarrior-addresses");
        addSerializer(Inet4Address.class, new AddressSerializer());
        addDeserializer(Inet4Address.class, new AddressDeserializer());
        addSerializer(Ipv4Network.class, new NetworkSerializer());
        addDeserializer(Ipv4Network.class, new NetworkDeserializer());
    }

    private static final class AddressSerializer extends JsonSerializer<Inet4Address> {
        @Override
        public void serialize(Inet4Address value, JsonGenerator gen, SerializerProvider p) throws IOException {
            gen.writeString(value.getHostAddress());
        }
    }

    private static final class AddressDeserializer extends JsonDeserializer<Inet4Address> {
        @Override
        public Inet4Address deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = p.getValueAsString("");
            return Ipv4Network.tryParseAddress(text).orElseThrow(
                    () -> ctx.weirdStringException(text, Inet4Address.class, "not an IPv4 address"));
        }
    }

    private static final class NetworkSerializer extends JsonSerializer<Ipv4Network> {
        @Override
        public void serialize(Ipv4Network value, JsonGenerator gen, SerializerProvider p) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class NetworkDeserializer extends JsonDeserializer<Ipv4Network> {
        @Override
        public Ipv4Network deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            String text = p.getValueAsString("");
            try {
                return Ipv4Network.parse(text);
            } catch (IllegalArgumentException e) {
                throw ctx.weirdStringException(text, Ipv4Network.class, "not a network A.B.C.D/N");
            }
        }
    }
}
