package io.tickscope.desktop.explorer.call;

import static java.util.Objects.requireNonNull;

import io.grpc.Channel;
import io.grpc.ManagedChannel;
import io.tickscope.desktop.connection.ChannelSecurity;
import io.tickscope.desktop.connection.Channels;
import io.tickscope.desktop.connection.ServerTarget;
import io.tickscope.desktop.explorer.command.CallSpec;
import io.tickscope.desktop.explorer.schema.ServiceCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The channel the Explorer works on, with where it points: the app's one channel (shared, never closed here),
 * or a channel of its own to a server the user named (closed when the Explorer moves on).
 */
public final class ExplorerChannel implements AutoCloseable {

    private final Channel channel;
    private final @Nullable ManagedChannel owned;
    private final ServerTarget target;
    private final ChannelSecurity security;

    private ExplorerChannel(
            Channel channel, @Nullable ManagedChannel owned, ServerTarget target, ChannelSecurity security) {
        this.channel = channel;
        this.owned = owned;
        this.target = target;
        this.security = security;
    }

    /** The app's channel to {@code target}, secured as {@code security} says; the app owns it. */
    public static ExplorerChannel shared(Channel channel, ServerTarget target, ChannelSecurity security) {
        return new ExplorerChannel(
                requireNonNull(channel, "channel"),
                null,
                requireNonNull(target, "target"),
                requireNonNull(security, "security"));
    }

    /**
     * Opens a channel of its own to {@code target} ({@code host:port}, a URL or a replica list), the way the app
     * opens its own.
     */
    public static ExplorerChannel open(String target, ChannelSecurity security) {
        ServerTarget parsed = ServerTarget.parse(target.strip());
        ManagedChannel opened = Channels.open(parsed, security);
        return new ExplorerChannel(opened, opened, parsed, security);
    }

    public CompletableFuture<ServiceCatalog> discover(Executor blocking) {
        return ReflectionClient.discover(channel, blocking);
    }

    public DynamicCalls calls() {
        return new DynamicCalls(channel);
    }

    /** Whether this is the app's own channel (so the contract drift check applies). */
    public boolean isShared() {
        return owned == null;
    }

    /** Where the channel points, as the user wrote it. */
    public String label() {
        return target.toString();
    }

    /** Returns the call as a command line needs it, aimed where this channel points. */
    public CallSpec spec(String method, List<Header> metadata, String jsonBody, @Nullable Duration deadline) {
        boolean tls = target.usesTls(security.tls());
        return new CallSpec(
                target.addresses().get(0).target(),
                tls,
                tls ? security.trustedCa() : null,
                tls ? security.clientCertificate() : null,
                tls ? security.clientKey() : null,
                method,
                metadata.stream()
                        .map(header -> Map.entry(header.name(), header.value()))
                        .toList(),
                jsonBody,
                deadline);
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdown();
            try {
                if (!owned.awaitTermination(2, TimeUnit.SECONDS)) {
                    owned.shutdownNow();
                }
            } catch (InterruptedException e) {
                owned.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
