package dev.roadwarrior.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class ProfileMessagesTest {

    @Test
    void everyReasonHasWords() {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.roadwarrior.profiles.messages");
        for (Reason r : Reason.values()) {
            String text = ProfileMessages.text(r, List.of("a", "b", "c"));
            assertFalse(text.isBlank(), r.name());
            assertFalse(text.contains("{"), r + ": " + text);
        }
        assertEquals(Reason.values().length, bundle.keySet().size(), "no message without a Reason");
    }

    @Test
    void locationPrefix() {
        ProfileException e = new ProfileException(Reason.TEMPLATE_PLACEHOLDER, "site.vpn", 3, "network-host",
                "{{ VPN_IP }}");
        assertEquals("site.vpn:3: network-host: \"{{ VPN_IP }}\" is a template placeholder, not a real value; "
                + "edit the profile before connecting", e.getMessage());
        assertEquals("there is no profile named \"x\"", ProfileException.of(Reason.UNKNOWN_PROFILE, "x").getMessage());
        assertEquals("RTK: auth-mutual-psk: authentication \"mutual-psk\" needs a group password (pre-shared key), "
                + "but none is stored", new ProfileException(Reason.MISSING_GROUP_PASSWORD, "RTK", 0, "auth-mutual-psk",
                        "mutual-psk").getMessage());
        assertEquals(e.getMessage(), new ProfileWarning(Reason.TEMPLATE_PLACEHOLDER, "site.vpn", 3, "network-host",
                List.of("{{ VPN_IP }}")).message());
    }
}
