package io.tickscope.server.limits;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose calls outlive its age: Armeria asks a connection to go away at its maximum age and
 * stops taking calls on it after the drain, but lets the calls already running go on, and a price watch runs
 * for as long as its client likes. Such a connection would never move, which defeats the age limit (clients
 * spreading over servers again). So after the grace that follows the drain, this closes the connection under its
 * remaining calls: their clients see UNAVAILABLE and reconnect, as grpc-java's server does after its
 * {@code maxConnectionAgeGrace}.
 *
 * <p>The close starts at the pipeline's head, under the HTTP/2 handler, whose own close would wait for the
 * streams without end. One per connection; it takes no part in reading or writing.
 */
final class ConnectionAgeGrace extends ChannelInboundHandlerAdapter {

    private static final Logger logger = LoggerFactory.getLogger(ConnectionAgeGrace.class);

    private final Duration maxAge;
    private final Duration closeAfter;
    private @Nullable ScheduledFuture<?> close;

    /** Closes the connection {@code maxAge + drain + grace} after it was opened, if it is still open then. */
    ConnectionAgeGrace(Duration maxAge, Duration drain, Duration grace) {
        this.maxAge = maxAge;
        this.closeAfter = maxAge.plus(drain).plus(grace);
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        close = ctx.executor().schedule(() -> closeOutlivedConnection(ctx), closeAfter.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ScheduledFuture<?> scheduled = close;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        super.channelInactive(ctx);
    }

    private void closeOutlivedConnection(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        logger.info(
                "{}: closing the connection under its remaining calls: it reached its maximum age of {} {} ago",
                ctx.channel().remoteAddress(),
                maxAge,
                closeAfter.minus(maxAge));
        ctx.pipeline().firstContext().close();
    }
}
