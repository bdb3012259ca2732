package io.tickscope.interop;

import com.linecorp.armeria.common.TlsKeyPair;
import com.linecorp.armeria.server.ServerBuilder;
import io.grpc.testing.TlsTesting;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one place where the interop server gets its TLS: grpc-testing's test certificate for
 * {@code *.test.google.fr}, which the official client trusts with {@code --use_test_ca=true}. When the server's
 * own TLS settings (PEM files, reload) land, this is the line to switch to them.
 */
final class InteropTls {

    /** The name the client expects the test certificate to carry. */
    static final String SERVER_HOST_OVERRIDE = "foo.test.google.fr";

    private InteropTls() {}

    static void configure(ServerBuilder sb) throws IOException {
        try (InputStream certificate = TlsTesting.loadCert("server1.pem");
                InputStream key = TlsTesting.loadCert("server1.key")) {
            sb.tls(TlsKeyPair.of(key, certificate));
        }
    }
}
