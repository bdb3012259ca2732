package io.tickscope.server.limits;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2LifecycleManager;
import io.netty.handler.codec.http2.Http2Stream;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes an HTTP/2 connection whose client makes the server reset too many streams (CVE-2025-55163,
 * "MadeYouReset"): a client that follows each request with a frame that is a stream error, such as a zero
 * WINDOW_UPDATE, gets the server to do the request's work and reset the stream, without ever sending a reset
 * that the received-reset budget would count.
 *
 * <p>Netty's own defence against this decorates the connection encoder, but only when Netty builds the codec;
 * Armeria (1.36 to 1.40 at least) builds the codec itself, so the defence is never there. This does the same
 * from the outside: it stands in for the connection handler as the lifecycle manager of the handler's encoder,
 * which every reset the server writes goes through, and counts them. Resets with CANCEL or NO_ERROR do not
 * count: the server sends those for its own reasons (a deadline that passed, a response that ended before the
 * request), as Netty's defence also decides.
 *
 * <p>Past the budget the connection gets GOAWAY with ENHANCE_YOUR_CALM and is closed. Confined to the
 * connection's event loop, like the handler it decorates.
 */
final class ProvokedResetBudget implements Http2LifecycleManager {

    private static final Logger logger = LoggerFactory.getLogger(ProvokedResetBudget.class);

    private final Http2LifecycleManager connectionHandler;
    private final int maxResetsPerWindow;
    private final long windowNanos;
    private long windowStartNanos;
    private int resetsInWindow;
    // The rest of the read the flood came in is still decoded after the close: one warning is enough.
    private boolean closing;

    ProvokedResetBudget(Http2LifecycleManager connectionHandler, int maxResetsPerWindow, Duration window) {
        this.connectionHandler = requireNonNull(connectionHandler, "connectionHandler");
        this.maxResetsPerWindow = maxResetsPerWindow;
        this.windowNanos = window.toNanos();
        this.windowStartNanos = System.nanoTime();
    }

    @Override
    public ChannelFuture resetStream(ChannelHandlerContext ctx, int streamId, long errorCode, ChannelPromise promise) {
        ChannelFuture reset = connectionHandler.resetStream(ctx, streamId, errorCode, promise);
        if (isProvoked(errorCode) && spend() && !closing) {
            closing = true;
            logger.warn(
                    "{}: closing the connection: its client made the server reset more than {} streams in {} s"
                            + " (an HTTP/2 MadeYouReset flood, or a badly broken client)",
                    ctx.channel().remoteAddress(),
                    maxResetsPerWindow,
                    Duration.ofNanos(windowNanos).toSeconds());
            connectionHandler.onError(
                    ctx,
                    true,
                    Http2Exception.connectionError(
                            Http2Error.ENHANCE_YOUR_CALM,
                            "more than %d streams reset for errors in %d seconds",
                            maxResetsPerWindow,
                            Duration.ofNanos(windowNanos).toSeconds()));
            ctx.close();
        }
        return reset;
    }

    private static boolean isProvoked(long errorCode) {
        return errorCode != Http2Error.CANCEL.code() && errorCode != Http2Error.NO_ERROR.code();
    }

    /** Counts one provoked reset; returns whether that overdraws the budget. */
    private boolean spend() {
        long now = System.nanoTime();
        if (now - windowStartNanos > windowNanos) {
            windowStartNanos = now;
            resetsInWindow = 0;
        }
        resetsInWindow++;
        return resetsInWindow > maxResetsPerWindow;
    }

    @Override
    public void closeStreamLocal(Http2Stream stream, ChannelFuture future) {
        connectionHandler.closeStreamLocal(stream, future);
    }

    @Override
    public void closeStreamRemote(Http2Stream stream, ChannelFuture future) {
        connectionHandler.closeStreamRemote(stream, future);
    }

    @Override
    public void closeStream(Http2Stream stream, ChannelFuture future) {
        connectionHandler.closeStream(stream, future);
    }

    @Override
    public ChannelFuture goAway(
            ChannelHandlerContext ctx, int lastStreamId, long errorCode, ByteBuf debugData, ChannelPromise promise) {
        return connectionHandler.goAway(ctx, lastStreamId, errorCode, debugData, promise);
    }

    @Override
    public void onError(ChannelHandlerContext ctx, boolean outbound, Throwable cause) {
        connectionHandler.onError(ctx, outbound, cause);
    }
}
