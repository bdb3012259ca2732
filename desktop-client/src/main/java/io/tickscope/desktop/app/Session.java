package io.tickscope.desktop.app;

import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.ChannelSecurity;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ConnectionMonitor;
import io.tickscope.desktop.connection.ServerChoice;
import io.tickscope.desktop.connection.ServerConnection;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.rpc.RecommendationClient;
import io.tickscope.desktop.rpc.wire.WireMeter;
import io.tickscope.desktop.rpc.wire.WireMeteringInterceptor;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Everything that lives as long as one connection: the server (started embedded, or remote), the one
 * {@link ManagedChannel} every view shares, its monitor and the RPC clients over it. Choosing another
 * server opens a new session and closes the old one.
 */
final class Session implements AutoCloseable {

    /** How long calls still finishing when the session closes may take: a session's last answer, a lookup. */
    private static final long CLOSE_GRACE_SECONDS = 2;

    private final ServerConnection connection;
    private final ManagedChannel channel;
    private final ChannelSecurity security;
    private final ConnectionMonitor monitor;
    private final ScheduledExecutorService retries;
    private final PricingClient pricing;
    private final RecommendationClient recommendations;

    private Session(
            ServerConnection connection,
            ManagedChannel channel,
            ChannelSecurity security,
            ScheduledExecutorService retries) {
        this.connection = connection;
        this.channel = channel;
        this.security = security;
        this.retries = retries;
        this.monitor =
                ConnectionMonitor.start(channel, retries, connection.address().toString());
        this.pricing = new PricingClient(channel, monitor, retries);
        this.recommendations = new RecommendationClient(channel, monitor, retries);
    }

    /**
     * Opens a session with the server {@code choice} names; for the embedded one this starts it over
     * {@code dataDirectory}, which takes a few seconds, so never call it on the FX thread. Every call on the
     * session's channel is counted in {@code wireMeter}. A remote server is reached as {@code security} says; the
     * embedded one in plaintext on loopback.
     */
    static Session open(
            ServerChoice choice, Path dataDirectory, int tickRate, ChannelSecurity security, WireMeter wireMeter) {
        ServerConnection connection = choice.remote() != null
                ? ServerConnection.remote(choice.remote())
                : ServerConnection.embedded(dataDirectory, tickRate);
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tickscope-resubscribe");
            thread.setDaemon(true);
            return thread;
        });
        ChannelSecurity channelSecurity = connection.isEmbedded() ? ChannelSecurity.plaintext() : security;
        return new Session(
                connection,
                Channels.open(connection.address(), channelSecurity, new WireMeteringInterceptor(wireMeter)),
                channelSecurity,
                retries);
    }

    ServerConnection connection() {
        return connection;
    }

    ConnectionMonitor monitor() {
        return monitor;
    }

    PricingClient pricing() {
        return pricing;
    }

    RecommendationClient recommendations() {
        return recommendations;
    }

    /** The session's one channel, for the Explorer, which calls any method on it; the session owns it. */
    ManagedChannel channel() {
        return channel;
    }

    /** How the channel is secured (plaintext for the embedded server). */
    ChannelSecurity security() {
        return security;
    }

    /**
     * Closes the channel, then stops the embedded server if there is one. Call it once the views have ended
     * their calls: the channel lets the calls still finishing end by themselves for a moment, then cancels
     * what is left.
     */
    @Override
    public void close() {
        retries.shutdownNow();
        try {
            if (!channel.shutdown().awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
