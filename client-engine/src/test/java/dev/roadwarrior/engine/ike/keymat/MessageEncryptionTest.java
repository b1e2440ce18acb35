package dev.roadwarrior.engine.ike.keymat;

import static dev.roadwarrior.engine.testutil.Vectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roadwarrior.engine.crypto.BlockCipher;
import dev.roadwarrior.engine.crypto.CryptoException;
import dev.roadwarrior.engine.crypto.EncryptionAlgorithm;
import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.jca.JcaIkeCrypto;
import dev.roadwarrior.engine.testutil.Vectors;
import dev.roadwarrior.engine.testutil.Vectors.Block;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageEncryptionTest {

    private static final String RUB_NDS = "ikev1_sessions/rub-nds/SymmetricallyEncryptedISAKMPPayloadTest.vectors.txt";

    private final IkeCrypto crypto = new JcaIkeCrypto();
    private final BlockCipher aes = crypto.createCipher(EncryptionAlgorithm.AES_CBC, 128);
    private final byte[] key = hex("000102030405060708090a0b0c0d0e0f");

    @Test
    void padsWithZerosToTheNextBlock() {
        assertArrayEquals(hex("ffffffffffffff00"), MessageEncryption.pad(hex("ffffffffffffff"), 8));
        assertArrayEquals(hex("ff00000000000000"), MessageEncryption.pad(hex("ff"), 8));
        assertArrayEquals(hex("ffffffffffffffff0000000000000000"), MessageEncryption.pad(hex("ffffffffffffffff"), 8));
        assertArrayEquals(new byte[16], MessageEncryption.pad(new byte[0], 16));
        assertArrayEquals(Arrays.copyOf(hex("0102"), 16), MessageEncryption.pad(hex("0102"), 16));
    }

    /** RUB-NDS's DES-CBC encryption of a HASH body they padded with a count byte. */
    @Test
    void desCbcMatchesRubNds() {
        Block b = Vectors.parse(Vectors.require(RUB_NDS)).stream()
                .filter(x -> x.get("case").equals("testEncrypt")).findFirst().orElseThrow();
        BlockCipher des = crypto.createCipher(EncryptionAlgorithm.DES_CBC, 64);
        byte[] padded = hex(b.get("hash_data") + "0000000000000007");
        assertArrayEquals(b.hex("expected_ciphertext"), des.encrypt(b.hex("key"), b.hex("iv"), padded));
    }

    @Test
    void peersStayInStepAcrossAnExchange() throws CryptoException {
        MessageEncryption initiator = encryption();
        MessageEncryption responder = encryption();
        int mid = 0x12345678;
        byte[] request = hex("0100000c0102030405060708");
        byte[] sent = initiator.encrypt(mid, request);
        assertEquals(16, sent.length);
        byte[] received = responder.decrypt(mid, sent);
        assertArrayEquals(request, Arrays.copyOf(received, request.length));
        responder.confirm(mid);

        byte[] reply = hex("0000001400112233445566778899aabbccddeeff");
        byte[] receivedReply = initiator.decrypt(mid, responder.encrypt(mid, reply));
        assertArrayEquals(reply, Arrays.copyOf(receivedReply, reply.length));
    }

    @Test
    void unconfirmedMessageLeavesTheChainAlone() throws CryptoException {
        MessageEncryption initiator = encryption();
        MessageEncryption responder = encryption();
        int mid = 7;
        byte[] forged = new byte[32];
        Arrays.fill(forged, (byte) 0x5a);
        responder.decrypt(mid, forged); // its HASH would not verify, so no confirm
        byte[] body = hex("00000008cafebabe");
        byte[] plain = responder.decrypt(mid, initiator.encrypt(mid, body));
        assertArrayEquals(body, Arrays.copyOf(plain, body.length));
    }

    @Test
    void decryptReturnsThePaddingWhateverItHolds() throws CryptoException {
        // a gateway padding with its own bytes: all of them come back, unchecked
        byte[] body = hex("00000008cafebabe" + "a5a5a5a5a5a5a5ff");
        IvManager ivs = ivs();
        byte[] ciphertext = aes.encrypt(key, ivs.iv(0), body);
        assertArrayEquals(body, encryption().decrypt(0, ciphertext));
    }

    @Test
    void rejectsCiphertextOfImpossibleLength() {
        MessageEncryption e = encryption();
        for (byte[] body : List.of(new byte[0], new byte[15], new byte[17])) {
            CryptoException ex = assertThrows(CryptoException.class, () -> e.decrypt(0, body));
            assertEquals(CryptoException.Reason.CIPHERTEXT_LENGTH, ex.reason());
        }
    }

    @Test
    void rejectsAKeyOfTheWrongLength() {
        assertThrows(IllegalArgumentException.class, () -> new MessageEncryption(aes, new IkeSecret(new byte[24]), ivs()));
    }

    @Test
    void encryptionChainsTheIv() {
        MessageEncryption e = encryption();
        byte[] first = e.encrypt(0, new byte[15]);
        byte[] second = e.encrypt(0, new byte[15]);
        assertFalse(Arrays.equals(first, second));
        assertArrayEquals(second, aes.encrypt(key, first, MessageEncryption.pad(new byte[15], 16)));
    }

    private MessageEncryption encryption() {
        return new MessageEncryption(aes, new IkeSecret(key.clone()), ivs());
    }

    private IvManager ivs() {
        return new IvManager(crypto.createHasher(HashAlgorithm.SHA1), 16, hex("01"), hex("02"));
    }
}
