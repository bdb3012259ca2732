package io.tickscope.bench.servers;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback TCP proxy that counts every byte in each direction (what really crosses the wire, frame headers,
 * HTTP headers, HPACK and TCP payload alike, whatever the client and server libraries report) and, given a
 * {@link Link}, behaves as a network: a delay line.
 *
 * <p>Each direction of a connection has a reader and a writer. The reader stamps every chunk it reads with its
 * release time: the moment the link has finished serializing it at the bandwidth cap (after the chunks before
 * it) plus the one-way delay, and queues it. The writer forwards chunks in order, each at its release time. So
 * the delay is a schedule, not a sleep per chunk: back-to-back chunks travel together, as on a wire, and a large
 * response takes its size over the bandwidth longer. The end of a stream (FIN) is delayed like data. The TCP
 * handshake happens with the proxy on loopback, so the line makes up for it: what a client sends on a new
 * connection departs no sooner than one round trip after it connected, as it would once the SYN-ACK came back.
 *
 * <p>Each byte is counted as it is read, before it is forwarded, so once a client has its response every byte
 * of that exchange has been counted. The proxy also counts its socket reads per direction: what it can see of
 * TCP segments. Sends that arrive together are read as one, so reads are a lower bound on payload-carrying
 * segments; handshakes and bare acknowledgements carry no payload and are not counted.
 */
public final class ByteCountingProxy implements AutoCloseable {

    private static final int BUFFER_BYTES = 64 * 1024;
    /** The writer sleeps until this close to a release time, then spins: a parked thread wakes tens of us late. */
    private static final long SPIN_NANOS = 60_000;

    private static final byte[] END_OF_STREAM = new byte[0];

    private final ServerSocket serverSocket;
    private final int targetPort;
    private final Link link;
    private final ExecutorService threads = SocketThreads.named("byte-counting-proxy");
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicLong clientToServerBytes = new AtomicLong();
    private final AtomicLong serverToClientBytes = new AtomicLong();
    private final AtomicLong clientToServerReads = new AtomicLong();
    private final AtomicLong serverToClientReads = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    private ByteCountingProxy(ServerSocket serverSocket, int targetPort, Link link) {
        this.serverSocket = serverSocket;
        this.targetPort = targetPort;
        this.link = link;
    }

    /** Starts a proxy on a free loopback port that forwards every connection to loopback port {@code targetPort}. */
    public static ByteCountingProxy start(int targetPort) throws IOException {
        return start(targetPort, Link.DIRECT);
    }

    /** Starts a proxy as {@link #start(int)} does that forwards through {@code link}: a delay line. */
    public static ByteCountingProxy start(int targetPort, Link link) throws IOException {
        requireNonNull(link, "link");
        ByteCountingProxy proxy = new ByteCountingProxy(new ServerSocket(0, 50, Loopback.address()), targetPort, link);
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

    /** Returns the proxy's socket reads of what clients sent: a lower bound on their payload segments. */
    public long clientToServerReads() {
        return clientToServerReads.get();
    }

    /** Returns the proxy's socket reads of what servers sent: a lower bound on their payload segments. */
    public long serverToClientReads() {
        return serverToClientReads.get();
    }

    /** Returns how many connections clients have opened through the proxy. */
    public long connections() {
        return connections.get();
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
                connections.incrementAndGet();
                AtomicInteger openDirections = new AtomicInteger(2);
                // The proxy's kernel answered the client's SYN at once; on the line the handshake takes a round
                // trip, and nothing the client sends can leave before it completes.
                long handshakeDone = System.nanoTime() + link.roundTrip().toNanos();
                new Direction(client, server, clientToServerBytes, clientToServerReads, openDirections, handshakeDone)
                        .start();
                new Direction(
                                server,
                                client,
                                serverToClientBytes,
                                serverToClientReads,
                                openDirections,
                                System.nanoTime())
                        .start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One direction of one connection: a reader that schedules what it reads, a writer that forwards it on time. */
    private final class Direction {

        private final Socket from;
        private final Socket to;
        private final AtomicLong bytes;
        private final AtomicLong reads;
        private final AtomicInteger openDirections;
        private final BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        /** When the link has serialized everything read so far; only the reader touches it. */
        private long linkFreeAtNanos;

        Direction(
                Socket from,
                Socket to,
                AtomicLong bytes,
                AtomicLong reads,
                AtomicInteger openDirections,
                long firstDepartureNanos) {
            this.linkFreeAtNanos = firstDepartureNanos;
            this.from = from;
            this.to = to;
            this.bytes = bytes;
            this.reads = reads;
            this.openDirections = openDirections;
        }

        void start() {
            threads.execute(this::read);
            threads.execute(this::write);
        }

        private void read() {
            byte[] buffer = new byte[BUFFER_BYTES];
            try {
                InputStream in = from.getInputStream();
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    bytes.addAndGet(read);
                    reads.incrementAndGet();
                    queue.add(new Chunk(Arrays.copyOf(buffer, read), releaseTime(read)));
                }
            } catch (IOException e) {
                // This side hung up or reset: end the other side too, after the delay.
            }
            queue.add(new Chunk(END_OF_STREAM, releaseTime(0)));
        }

        private long releaseTime(int length) {
            long departure = Math.max(System.nanoTime(), linkFreeAtNanos);
            linkFreeAtNanos = departure + link.transmissionNanos(length);
            return linkFreeAtNanos + link.oneWayDelay().toNanos();
        }

        private void write() {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = queue.take();
                    waitUntil(chunk.releaseNanos());
                    if (chunk.bytes() == END_OF_STREAM) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(chunk.bytes());
                }
            } catch (IOException e) {
                closeQuietly(from); // the other end is gone: nothing more from this side will arrive
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (openDirections.decrementAndGet() == 0) {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            }
        }
    }

    private static void waitUntil(long deadlineNanos) {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > SPIN_NANOS) {
            LockSupport.parkNanos(remaining - SPIN_NANOS);
        }
        while (deadlineNanos - System.nanoTime() > 0) {
            Thread.onSpinWait();
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

    /** Bytes read from one side, to be written to the other at {@code releaseNanos}. */
    private record Chunk(byte[] bytes, long releaseNanos) {}
}
