package io.tickscope.bench.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that counts every byte in each direction: what really crosses the wire, frame headers,
 * HTTP headers, HPACK and TCP payload alike, whatever the client and server libraries report. Each byte is
 * counted as it is read, before it is forwarded, so once a client has its response, every byte of that
 * exchange has been counted.
 */
public final class ByteCountingProxy implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final ServerSocket serverSocket;
    private final int targetPort;
    private final ExecutorService threads = SocketThreads.named("byte-counting-proxy");
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong clientToServerBytes = new AtomicLong();
    private final AtomicLong serverToClientBytes = new AtomicLong();

    private ByteCountingProxy(ServerSocket serverSocket, int targetPort) {
        this.serverSocket = serverSocket;
        this.targetPort = targetPort;
    }

    /** Starts a proxy on a free loopback port that forwards every connection to loopback port {@code targetPort}. */
    public static ByteCountingProxy start(int targetPort) throws IOException {
        ByteCountingProxy proxy = new ByteCountingProxy(new ServerSocket(0, 50, Loopback.address()), targetPort);
        proxy.threads.execute(proxy::accept);
        return proxy;
    }

    /** Returns the port clients connect to. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Returns the bytes clients have sent so far: requests. */
    public long clientToServerBytes() {
        return clientToServerBytes.get();
    }

    /** Returns the bytes servers have sent so far: responses. */
    public long serverToClientBytes() {
        return serverToClientBytes.get();
    }

    private void accept() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                Socket server = new Socket(Loopback.address(), targetPort);
                for (Socket socket : new Socket[] {client, server}) {
                    socket.setTcpNoDelay(true);
                    sockets.add(socket);
                }
                threads.execute(() -> pump(client, server, clientToServerBytes));
                threads.execute(() -> pump(server, client, serverToClientBytes));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to, AtomicLong counter) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                counter.addAndGet(read);
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            // one side hung up: the other goes too
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // already closing
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        threads.shutdownNow();
    }
}
