package io.tickscope.bench.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * The physical floor: a loopback TCP server that writes back every byte it reads, one blocking thread per
 * connection, Nagle off. A round trip through it is what any protocol on loopback pays at least.
 */
public final class TcpEchoServer implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final ServerSocket serverSocket;
    private final ExecutorService threads = SocketThreads.named("tcp-echo");
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private TcpEchoServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    /** Starts listening on a free loopback port. */
    public static TcpEchoServer start() throws IOException {
        TcpEchoServer server = new TcpEchoServer(new ServerSocket(0, 50, Loopback.address()));
        server.threads.execute(server::accept);
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private void accept() {
        while (!serverSocket.isClosed()) {
            try {
                Socket connection = serverSocket.accept();
                connection.setTcpNoDelay(true);
                connections.add(connection);
                threads.execute(() -> echo(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void echo(Socket connection) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (connection;
                InputStream in = connection.getInputStream();
                OutputStream out = connection.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // the client or close() hung up
        } finally {
            connections.remove(connection);
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket connection : connections) {
            connection.close();
        }
        threads.shutdownNow();
    }
}
