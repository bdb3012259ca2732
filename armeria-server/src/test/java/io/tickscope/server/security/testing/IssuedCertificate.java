package io.tickscope.server.security.testing;

import io.tickscope.server.security.TlsFiles;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;

/**
 * A certificate an authority signed, with its key pair.
 *
 * @param keyPair the holder's keys
 * @param certificate the holder's certificate
 */
public record IssuedCertificate(KeyPair keyPair, X509Certificate certificate) {

    public BigInteger serialNumber() {
        return certificate.getSerialNumber();
    }

    /** Writes {@code <name>.crt} and {@code <name>.key} into {@code directory} and returns them as TLS files. */
    public TlsFiles writeTo(Path directory, String name) {
        TlsFiles files = TlsFiles.of(directory.resolve(name + ".crt"), directory.resolve(name + ".key"));
        writeTo(files);
        return files;
    }

    /** Writes the certificate and key over the files {@code files} names: what a renewal does. */
    public void writeTo(TlsFiles files) {
        Pem.writeCertificates(files.certificateChain(), certificate);
        Pem.writePrivateKey(files.privateKey(), keyPair.getPrivate());
    }
}
