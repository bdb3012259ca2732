package io.tickscope.interop;

import com.linecorp.armeria.server.ServerBuilder;
import io.grpc.testing.TlsTesting;
import io.tickscope.server.security.ServerTls;
import io.tickscope.server.security.TlsFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The interop server's TLS, through the same path as the headless server's {@code --tls-cert/--tls-key}
 * ({@link ServerTls}: PEM files, reloaded on change). The files hold grpc-testing's test certificate for
 * {@code *.test.google.fr}, which the official client trusts with {@code --use_test_ca=true}.
 */
final class InteropTls {

    /** The name the client expects the test certificate to carry. */
    static final String SERVER_HOST_OVERRIDE = "foo.test.google.fr";

    private InteropTls() {}

    /** Writes the test certificate and key as PEM files under {@code directory} and listens with TLS from them. */
    static void listen(ServerBuilder sb, Path directory) throws IOException {
        Path certificate = copy("server1.pem", directory);
        Path key = copy("server1.key", directory);
        ServerTls.listen(sb, new InetSocketAddress(0), TlsFiles.of(certificate, key));
    }

    private static Path copy(String name, Path directory) throws IOException {
        Path file = directory.resolve(name);
        try (InputStream in = TlsTesting.loadCert(name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
