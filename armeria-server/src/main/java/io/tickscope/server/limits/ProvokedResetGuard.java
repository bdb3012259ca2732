package io.tickscope.server.limits;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import java.time.Duration;

/**
 * Puts a {@link ProvokedResetBudget} on a connection once Armeria has chosen HTTP/2 for it, then leaves the
 * pipeline. Added to every new connection's pipeline, right before Armeria's request handler, and checks on
 * each message that passes whether the HTTP/2 handler is there yet. In cleartext that handler replaces the
 * protocol detector before this one and hands on each request as it decodes its HEADERS, so the budget is in
 * place from the first stream on, before the frames that follow it are read. Under TLS the handler is added
 * after this one once ALPN has chosen h2, and the first decrypted bytes pass here on their way to it. A
 * connection that stays on HTTP/1 keeps this handler, at the cost of one pipeline lookup per message.
 */
final class ProvokedResetGuard extends ChannelInboundHandlerAdapter {

    private final int maxResetsPerWindow;
    private final Duration window;

    ProvokedResetGuard(int maxResetsPerWindow, Duration window) {
        this.maxResetsPerWindow = maxResetsPerWindow;
        this.window = window;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        installIfHttp2(ctx);
        super.channelRead(ctx, message);
    }

    private void installIfHttp2(ChannelHandlerContext ctx) {
        Http2ConnectionHandler http2 = ctx.pipeline().get(Http2ConnectionHandler.class);
        if (http2 == null) {
            return;
        }
        http2.encoder().lifecycleManager(new ProvokedResetBudget(http2, maxResetsPerWindow, window));
        ctx.pipeline().remove(this);
    }
}
