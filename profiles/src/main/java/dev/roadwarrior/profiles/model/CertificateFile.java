package dev.roadwarrior.profiles.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A certificate or key file carried inside the profile ({@code auth-*-name} and
 * {@code auth-*-data}): the raw bytes of the file the user picked (PEM, DER or PKCS#12). The
 * format is worked out when connecting; a passphrase, if any, lives in the secret store.
 *
 * @param name the file's name as shown to the user (may be empty)
 * @param data the file's bytes (copied in and out)
 */
public record CertificateFile(String name, byte[] data) {

    public CertificateFile {
        Objects.requireNonNull(name, "name");
        data = data.clone();
    }

    /** A copy of the bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The number of bytes. */
    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateFile c && name.equals(c.name) && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "CertificateFile[" + name + ", " + data.length + " bytes]";
    }
}
