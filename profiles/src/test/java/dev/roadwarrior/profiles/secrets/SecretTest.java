package dev.roadwarrior.profiles.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void copiesComparesAndWipes() {
        byte[] raw = {'p', 'w'};
        Secret s = Secret.of(raw);
        raw[0] = 'x';
        assertEquals(Secret.ofText("pw"), s);
        assertNotEquals(Secret.ofText("pv"), s);
        assertEquals("Secret[hidden]", s.toString());
        assertEquals(Optional.empty(), Secret.of(new byte[] {(byte) 0xff}).text());
        s.destroy();
        assertArrayEquals(new byte[2], s.bytes());
    }
}
