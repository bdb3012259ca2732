package io.tickscope.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.DefaultHttp2FrameReader;
import io.netty.handler.codec.http2.DefaultHttp2FrameWriter;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameAdapter;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2Settings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cap on concurrent streams per connection, seen by a client that ignores the server's
 * SETTINGS_MAX_CONCURRENT_STREAMS: the stream past the cap is refused (RST_STREAM REFUSED_STREAM, which gRPC
 * clients may retry elsewhere), the ones within it stay open. Well-behaved clients queue their calls instead.
 */
class MaxStreamsTest {

    private static final int MAX_STREAMS = 3;

    @RegisterExtension
    static final LimitedTestServer server = new LimitedTestServer(ServerLimits.defaults().toBuilder()
            .maxStreamsPerConnection(MAX_STREAMS)
            .build());

    @Test
    void streamPastTheCapIsRefused() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            StreamOpener opener = new StreamOpener(MAX_STREAMS + 1);
            Channel channel = new Bootstrap()
                    .group(group)
                    .channel(NioSocketChannel.class)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(opener);
                        }
                    })
                    .connect("127.0.0.1", server.httpPort())
                    .sync()
                    .channel();

            long refusedStream = opener.firstReset.get(10, TimeUnit.SECONDS);

            assertThat(refusedStream).isEqualTo(2L * MAX_STREAMS + 1);
            assertThat(opener.resets).containsOnly(Map.entry((int) refusedStream, Http2Error.REFUSED_STREAM.code()));
            channel.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Opens {@code count} WatchPrices streams (headers only, never ended) once the server's SETTINGS arrive. */
    private static final class StreamOpener extends ByteToMessageDecoder {

        final CompletableFuture<Long> firstReset = new CompletableFuture<>();
        final Map<Integer, Long> resets = new ConcurrentHashMap<>();
        private final int count;
        private final DefaultHttp2FrameWriter writer = new DefaultHttp2FrameWriter();
        private final DefaultHttp2FrameReader reader = new DefaultHttp2FrameReader();
        private final Http2FrameAdapter listener = new Http2FrameAdapter() {
            @Override
            public void onSettingsRead(ChannelHandlerContext ctx, Http2Settings settings) {
                writer.writeSettingsAck(ctx, ctx.newPromise());
                Http2Headers headers = new DefaultHttp2Headers()
                        .method("POST")
                        .scheme("http")
                        .authority("127.0.0.1")
                        .path("/tickscope.pricing.v1.PricingService/WatchPrices")
                        .add("content-type", "application/grpc")
                        .add("te", "trailers");
                for (int i = 0; i < count; i++) {
                    writer.writeHeaders(ctx, 2 * i + 1, headers, 0, false, ctx.newPromise());
                }
                ctx.flush();
            }

            @Override
            public void onRstStreamRead(ChannelHandlerContext ctx, int streamId, long errorCode) {
                resets.put(streamId, errorCode);
                firstReset.complete((long) streamId);
            }
        };

        StreamOpener(int count) {
            this.count = count;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            ctx.write(Http2CodecUtil.connectionPrefaceBuf());
            writer.writeSettings(ctx, new Http2Settings(), ctx.newPromise());
            ctx.flush();
            super.channelActive(ctx);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
            reader.readFrame(ctx, in, listener);
        }
    }
}
