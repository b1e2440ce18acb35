package dev.roadwarrior.engine.crypto.jca;

import dev.roadwarrior.engine.crypto.BlockCipher;
import dev.roadwarrior.engine.crypto.DhGroup;
import dev.roadwarrior.engine.crypto.EncryptionAlgorithm;
import dev.roadwarrior.engine.crypto.HashAlgorithm;
import dev.roadwarrior.engine.crypto.Hasher;
import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.KeyExchange;
import dev.roadwarrior.engine.crypto.Prf;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.crypto.engines.CAST5Engine;

/**
 * {@link IkeCrypto} on the JDK's providers, with Bouncy Castle's lightweight API where the JDK
 * falls short (CAST-128, elliptic-curve groups). Nothing is registered globally.
 *
 * <p>Supported: AES-CBC with 128/192/256-bit keys, 3DES-CBC, DES-CBC, Blowfish-CBC with 40 to
 * 448 bits and CAST-CBC with 40 to 128 bits (both in steps of 8); MD5, SHA-1, SHA2-256/384/512
 * and their HMACs; MODP groups 1, 2, 5, 14-18 and ECP groups 19-21.
 *
 * <p>Threading: thread-safe; the random generator is shared.
 */
public final class JcaIkeCrypto implements IkeCrypto {

    private final SecureRandom random;

    public JcaIkeCrypto() {
        this(new SecureRandom());
    }

    /** Uses {@code random} for private values and {@link #randomBytes}; tests may fix it. */
    public JcaIkeCrypto(SecureRandom random) {
        this.random = random;
    }

    @Override
    public boolean hasCipher(EncryptionAlgorithm algorithm, int keyLengthBits) {
        return switch (algorithm.value()) {
            case 7 -> keyLengthBits == 128 || keyLengthBits == 192 || keyLengthBits == 256; // AES
            case 5 -> keyLengthBits == 192; // 3DES
            case 1 -> keyLengthBits == 64; // DES, parity bits included
            case 3 -> keyLengthBits >= 40 && keyLengthBits <= 448 && keyLengthBits % 8 == 0; // Blowfish
            case 6 -> keyLengthBits >= 40 && keyLengthBits <= 128 && keyLengthBits % 8 == 0; // CAST-128
            default -> false;
        };
    }

    @Override
    public BlockCipher createCipher(EncryptionAlgorithm algorithm, int keyLengthBits) {
        if (!hasCipher(algorithm, keyLengthBits)) {
            throw new IllegalArgumentException("unsupported cipher " + algorithm + " with " + keyLengthBits + " bits");
        }
        int keyLength = keyLengthBits / 8;
        return switch (algorithm.value()) {
            case 7 -> new JcaCbcCipher(algorithm, "AES", 16, keyLength);
            case 5 -> new JcaCbcCipher(algorithm, "DESede", 8, keyLength);
            case 1 -> new JcaCbcCipher(algorithm, "DES", 8, keyLength);
            case 3 -> new JcaCbcCipher(algorithm, "Blowfish", 8, keyLength);
            default -> new BcCbcCipher(algorithm, CAST5Engine::new, 8, keyLength);
        };
    }

    @Override
    public boolean hasHash(HashAlgorithm algorithm) {
        return JcaHash.of(algorithm).isPresent();
    }

    @Override
    public Hasher createHasher(HashAlgorithm algorithm) {
        return new JcaHasher(require(algorithm));
    }

    @Override
    public Prf createPrf(HashAlgorithm algorithm) {
        return new JcaPrf(require(algorithm));
    }

    @Override
    public boolean hasDhGroup(DhGroup group) {
        return ModpGroup.forGroup(group).isPresent() || EcpKeyExchange.supports(group);
    }

    @Override
    public KeyExchange createKeyExchange(DhGroup group) {
        Optional<ModpGroup> modp = ModpGroup.forGroup(group);
        if (modp.isPresent()) {
            return ModpKeyExchange.generate(modp.get(), random);
        }
        if (EcpKeyExchange.supports(group)) {
            return EcpKeyExchange.generate(group, random);
        }
        throw new IllegalArgumentException("unsupported group " + group);
    }

    @Override
    public byte[] randomBytes(int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    private static JcaHash require(HashAlgorithm algorithm) {
        return JcaHash.of(algorithm).orElseThrow(() -> new IllegalArgumentException("unsupported hash " + algorithm));
    }
}
