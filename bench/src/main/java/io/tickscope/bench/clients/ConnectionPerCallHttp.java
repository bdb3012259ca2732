package io.tickscope.bench.clients;

import static java.util.Objects.requireNonNull;

import io.tickscope.bench.servers.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
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
            // The client closes once it has the body, as a client without a pool does: Armeria's server keeps the
            // connection open after a "Connection: close" request (until its idle timeout, here), so the end of
            // the stream cannot delimit the body.
            return body(socket.getInputStream(), path);
        }
    }

    private static byte[] body(InputStream in, String path) throws IOException {
        String head = head(in, path);
        if (!head.startsWith("HTTP/1.1 200")) {
            throw new IOException(
                    "GET " + path + ": " + head.lines().findFirst().orElse("") + " (expected: 200)");
        }
        int length = head.lines()
                .map(line -> line.toLowerCase(Locale.ROOT))
                .filter(line -> line.startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(
                        line.substring("content-length:".length()).trim()))
                .findFirst()
                .orElseThrow(() -> new IOException("GET " + path + ": no content-length (expected: a sized body)"));
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("GET " + path + ": body of " + body.length + " bytes (expected: " + length + ')');
        }
        return body;
    }

    /** Reads the status line and headers, up to and including the empty line after them. */
    private static String head(InputStream in, String path) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0; // how many bytes of the CR LF CR LF that ends the headers were read last
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("GET " + path + ": connection closed in the response's headers");
            }
            head.append((char) b);
            char expected = matched % 2 == 0 ? '\r' : '\n';
            matched = b == expected ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString();
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
