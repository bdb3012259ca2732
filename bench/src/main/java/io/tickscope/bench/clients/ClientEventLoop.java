package io.tickscope.bench.clients;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.common.util.EventLoopGroups;
import io.netty.channel.EventLoopGroup;

/**
 * An event loop of the client's own and a factory of connections on it: what a client in another process has.
 * Armeria's default factory shares its worker group with a server in the same JVM, so a client's connection can
 * land on the very thread that serves it, and one core then does both sides of every call.
 */
public final class ClientEventLoop implements AutoCloseable {

    private final EventLoopGroup eventLoop = EventLoopGroups.newEventLoopGroup(1);
    private final ClientFactory factory =
            ClientFactory.builder().workerGroup(eventLoop, false).build();

    /** The factory whose connections run on this event loop. */
    public ClientFactory factory() {
        return factory;
    }

    @Override
    public void close() {
        try {
            factory.close();
        } finally {
            eventLoop.shutdownGracefully();
        }
    }
}
