package io.tickscope.bench.clients;

import static java.util.Objects.requireNonNull;

import io.tickscope.bench.servers.Loopback;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * HTTP/1.1 GETs, each on a connection of its own ({@code Connection: close}), over plain TCP or TLS: what a client
 * without a connection pool does. A plain socket rather than a pooling client library, so that each call pays
 * exactly a TCP handshake (and a TLS one) and nothing a library would add to set up a pool per call. TLS trusts
 * any certificate (the server under test has a self-signed one) and keeps no session between calls, so every
 * call makes a full handshake.
 */
public final class ConnectionPerCallHttp {

    private final String host;
    private final int port;
    private final SocketFactory sockets;

    private ConnectionPerCallHttp(String host, int port, SocketFactory sockets) {
        this.host = requireNonNull(host, "host");
        this.port = port;
        this.sockets = sockets;
    }

    /** Plain HTTP/1.1 to loopback {@code port}. */
    public static ConnectionPerCallHttp plaintext(int port) {
        return new ConnectionPerCallHttp(Loopback.HOST, port, SocketFactory.getDefault());
    }

    /** HTTP/1.1 over TLS to loopback {@code port}, trusting its certificate whatever it is. */
    public static ConnectionPerCallHttp tls(int port) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustingEveryone()}, new SecureRandom());
        return new ConnectionPerCallHttp(Loopback.HOST, port, context.getSocketFactory());
    }

    /**
     * Returns the body of {@code GET path} after a 200 response.
     *
     * @throws IOException when the connection fails or the response is not a 200 with a length-delimited body
     */
    public byte[] get(String path) throws IOException {
        try (Socket socket = sockets.createSocket(host, port)) {
            socket.setTcpNoDelay(true);
            if (socket instanceof SSLSocket tls) {
                tls.startHandshake();
            }
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + ':' + port
                            + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return body(socket.getInputStream().readAllBytes(), path);
        }
    }

    private static byte[] body(byte[] response, String path) throws IOException {
        int headerEnd = indexOf(response, new byte[] {'\r', '\n', '\r', '\n'});
        if (headerEnd < 0) {
            throw new IOException("GET " + path + ": response without a header end (expected: an HTTP/1.1 response)");
        }
        String head = new String(response, 0, headerEnd, StandardCharsets.US_ASCII);
        if (!head.startsWith("HTTP/1.1 200")) {
            throw new IOException(
                    "GET " + path + ": " + head.lines().findFirst().orElse("") + " (expected: 200)");
        }
        if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
            throw new IOException("GET " + path + ": chunked body (expected: one delimited by the connection's end)");
        }
        return Arrays.copyOfRange(response, headerEnd + 4, response.length);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The server under test has a self-signed certificate: the benchmark measures TLS's cost, not its trust. */
    private static final class TrustingEveryone implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
