package dev.roadwarrior.engine.crypto.jca;

import dev.roadwarrior.engine.crypto.IkeCrypto;
import dev.roadwarrior.engine.crypto.IkeCryptoContractTest;

class JcaIkeCryptoTest extends IkeCryptoContractTest {

    private final IkeCrypto crypto = new JcaIkeCrypto();

    @Override
    protected IkeCrypto crypto() {
        return crypto;
    }
}
