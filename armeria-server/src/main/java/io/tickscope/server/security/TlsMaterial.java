package io.tickscope.server.security;

import com.linecorp.armeria.common.TlsKeyPair;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * One consistent reading of the TLS files: a key pair whose key matches its certificate, and the client
 * authorities. Reading checks the match, so a renewal caught half-written (new certificate, old key) is
 * rejected instead of served.
 *
 * @param keyPair the server's key and certificate chain
 * @param clientCas the authorities that sign client certificates; empty without mutual TLS
 */
record TlsMaterial(TlsKeyPair keyPair, List<X509Certificate> clientCas) {

    private static final byte[] PROBE = "tickscope key check".getBytes(StandardCharsets.US_ASCII);

    TlsMaterial {
        clientCas = List.copyOf(clientCas);
    }

    /**
     * Makes the material of {@code contents}, the bytes of {@link TlsFiles#paths()} in that order; throws with the
     * file and the reason if they are not PEM or the key does not match the certificate.
     */
    static TlsMaterial parse(TlsFiles files, List<byte[]> contents) {
        TlsKeyPair keyPair;
        try (InputStream key = new ByteArrayInputStream(contents.get(1));
                InputStream chain = new ByteArrayInputStream(contents.get(0))) {
            keyPair = TlsKeyPair.of(key, chain);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "TLS files: " + files.certificateChain() + ", " + files.privateKey()
                            + " (expected: a PEM certificate chain and an unencrypted PKCS#8 PEM key): "
                            + e.getMessage(),
                    e);
        }
        checkKeyMatchesCertificate(keyPair, files);
        Path clientCaFile = files.clientCa();
        List<X509Certificate> clientCas =
                clientCaFile == null ? List.of() : readCertificates(clientCaFile, contents.get(2));
        return new TlsMaterial(keyPair, clientCas);
    }

    X509Certificate certificate() {
        return keyPair.certificateChain().get(0);
    }

    /** Signs a probe with the key and verifies it with the certificate's public key. */
    private static void checkKeyMatchesCertificate(TlsKeyPair keyPair, TlsFiles files) {
        X509Certificate certificate = keyPair.certificateChain().get(0);
        String algorithm = signatureAlgorithm(keyPair.privateKey());
        boolean matches;
        try {
            // Netty may parse the key with another provider (BouncyCastle, when present) than the JDK's signers.
            PrivateKey key = KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                    .generatePrivate(
                            new PKCS8EncodedKeySpec(keyPair.privateKey().getEncoded()));
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(PROBE);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "TLS key: " + files.privateKey() + " (expected: a key that signs with " + algorithm + "): " + e, e);
        }
        if (!matches) {
            throw new IllegalArgumentException(
                    "TLS key: " + files.privateKey() + " (expected: the key of the certificate "
                            + certificate.getSubjectX500Principal() + " in " + files.certificateChain() + ")");
        }
    }

    /** Picks by key interface, not algorithm name: providers name EC keys "EC" or "ECDSA". */
    private static String signatureAlgorithm(PrivateKey key) {
        if (key instanceof RSAPrivateKey) {
            return "SHA256withRSA";
        }
        if (key instanceof ECPrivateKey) {
            return "SHA256withECDSA";
        }
        if (key instanceof EdECPrivateKey edKey) {
            return edKey.getParams().getName();
        }
        throw new IllegalArgumentException(
                "TLS key algorithm: " + key.getAlgorithm() + " (expected: RSA, EC or EdDSA)");
    }

    private static List<X509Certificate> readCertificates(Path file, byte[] pem) {
        try {
            List<X509Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                            .map(X509Certificate.class::cast)
                            .toList();
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("client CA: " + file + " (expected: one or more PEM certificates)");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "client CA: " + file + " (expected: PEM certificates): " + e.getMessage(), e);
        }
    }
}
