package io.tickscope.bench.clients;

import io.tickscope.bench.load.RoundTrip;
import io.tickscope.bench.servers.Loopback;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Arrays;

/** A blocking loopback socket, Nagle off, that sends a small message and reads its echo. */
public final class TcpEchoClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] message;
    private final byte[] echo;

    private TcpEchoClient(Socket socket, int messageBytes) throws IOException {
        this.socket = socket;
        in = socket.getInputStream();
        out = socket.getOutputStream();
        message = new byte[messageBytes];
        Arrays.fill(message, (byte) 'x');
        echo = new byte[messageBytes];
    }

    /** Connects to the echo server on loopback {@code port}; each round trip sends {@code messageBytes}. */
    public static TcpEchoClient connect(int port, int messageBytes) throws IOException {
        if (messageBytes < 1) {
            throw new IllegalArgumentException("messageBytes: " + messageBytes + " (expected: >= 1)");
        }
        Socket socket = new Socket(Loopback.address(), port);
        socket.setTcpNoDelay(true);
        return new TcpEchoClient(socket, messageBytes);
    }

    /** One message out and its echo back. */
    public RoundTrip roundTrip() {
        return () -> {
            out.write(message);
            if (in.readNBytes(echo, 0, echo.length) < echo.length) {
                throw new EOFException("echo: ended early (expected: " + echo.length + " bytes)");
            }
        };
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
