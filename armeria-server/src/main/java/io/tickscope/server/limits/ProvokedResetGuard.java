package io.tickscope.server.limits;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2ConnectionHandler;
import java.time.Duration;

/**
 * Puts a {@link ProvokedResetBudget} on a connection once Armeria has chosen HTTP/2 for it, then leaves the
 * pipeline, so that it costs nothing per message afterwards. Added to every new connection's pipeline, where it
 * sits right after the protocol handlers: the HTTP/2 handler appears before it in cleartext (it replaces the
 * protocol detector, and tells the handlers after it once it has written its SETTINGS, before it reads a frame),
 * and after it under TLS (it is added once ALPN has chosen h2, before the first decrypted byte passes here).
 * A connection that stays on HTTP/1 keeps this handler, which then only passes messages on.
 */
final class ProvokedResetGuard extends ChannelInboundHandlerAdapter {

    private final int maxResetsPerWindow;
    private final Duration window;

    ProvokedResetGuard(int maxResetsPerWindow, Duration window) {
        this.maxResetsPerWindow = maxResetsPerWindow;
        this.window = window;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        installIfHttp2(ctx);
        super.userEventTriggered(ctx, event);
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
