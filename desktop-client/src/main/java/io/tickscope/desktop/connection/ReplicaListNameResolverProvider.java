package io.tickscope.desktop.connection;

import static java.util.Objects.requireNonNull;

import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.Status;
import io.grpc.StatusOr;
import io.grpc.SynchronizationContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a written list of replicas, {@code tickscope-replicas:///a:8080,b:8080}, into one address group per
 * address each name has, so that one channel's {@code round_robin} balances over every replica. grpc-java finds
 * it through {@code META-INF/services/io.grpc.NameResolverProvider}, the way it finds its own DNS resolver:
 * grpc-java has no built-in resolver for a list, and this is the mechanism its name-resolution example uses
 * (the deprecated {@code nameResolverFactory} on the builder being the other). A single {@code host:port} goes
 * to grpc-java's DNS resolver instead.
 *
 * <p>Each name is looked up on the channel's offload executor; a name that does not resolve is left out while
 * the others serve, and when none resolves the channel fails with UNAVAILABLE and the lookup's cause, as the
 * DNS resolver does. {@link #priority} is below DNS's, so plain {@code host:port} targets never come here.
 */
public final class ReplicaListNameResolverProvider extends NameResolverProvider {

    static final String SCHEME = "tickscope-replicas";

    /** Returns the channel target naming {@code replicas}. */
    static String targetFor(List<ServerAddress> replicas) {
        String list = replicas.stream().map(ServerAddress::target).collect(Collectors.joining(","));
        try {
            // The multi-argument constructor quotes what a path may not hold, such as an IPv6 literal's brackets.
            return new URI(SCHEME, "", "/" + list, null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("replicas: " + list + " (expected: host:port entries)", e);
        }
    }

    @Override
    public @Nullable NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
        if (!SCHEME.equals(targetUri.getScheme())) {
            return null;
        }
        String path = targetUri.getPath();
        if (path == null || path.length() < 2) {
            throw new IllegalArgumentException(
                    "target: " + targetUri + " (expected: " + SCHEME + ":///host:port,host:port...)");
        }
        List<ServerAddress> replicas = Arrays.stream(path.substring(1).split(","))
                .map(entry -> {
                    int colon = entry.lastIndexOf(':');
                    return new ServerAddress(entry.substring(0, colon), Integer.parseInt(entry.substring(colon + 1)));
                })
                .toList();
        Executor offload = args.getOffloadExecutor();
        // The channel always hands one over; the common pool only stands in for a resolver made by hand.
        return new ReplicaListNameResolver(
                replicas, args.getSynchronizationContext(), offload != null ? offload : ForkJoinPool.commonPool());
    }

    @Override
    public String getDefaultScheme() {
        return SCHEME;
    }

    @Override
    protected boolean isAvailable() {
        return true;
    }

    @Override
    protected int priority() {
        return 4;
    }

    @Override
    public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }

    private static final class ReplicaListNameResolver extends NameResolver {

        private final List<ServerAddress> replicas;
        private final SynchronizationContext syncContext;
        private final Executor offload;
        // Touched in the synchronization context only.
        private @Nullable Listener2 listener;
        private boolean resolving;
        private boolean shutdown;

        ReplicaListNameResolver(List<ServerAddress> replicas, SynchronizationContext syncContext, Executor offload) {
            this.replicas = replicas;
            this.syncContext = syncContext;
            this.offload = offload;
        }

        /** The first replica's: TLS checks every replica's certificate against it, so they share one name. */
        @Override
        public String getServiceAuthority() {
            return replicas.get(0).target();
        }

        @Override
        public void start(Listener2 startedListener) {
            listener = requireNonNull(startedListener, "listener");
            resolve();
        }

        @Override
        public void refresh() {
            resolve();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        private void resolve() {
            if (resolving || shutdown || listener == null) {
                return;
            }
            resolving = true;
            Listener2 target = listener;
            offload.execute(() -> {
                Lookup lookup = lookUp();
                syncContext.execute(() -> {
                    resolving = false;
                    if (shutdown) {
                        return;
                    }
                    target.onResult2(ResolutionResult.newBuilder()
                            .setAddressesOrError(
                                    lookup.groups().isEmpty()
                                            ? StatusOr.fromStatus(Status.UNAVAILABLE
                                                    .withDescription("Unable to resolve host " + lookup.unresolved())
                                                    .withCause(lookup.failure()))
                                            : StatusOr.fromValue(lookup.groups()))
                            .build());
                });
            });
        }

        private Lookup lookUp() {
            List<EquivalentAddressGroup> groups = new ArrayList<>();
            List<String> unresolved = new ArrayList<>();
            UnknownHostException failure = null;
            for (ServerAddress replica : replicas) {
                try {
                    for (InetAddress address : InetAddress.getAllByName(bare(replica.host()))) {
                        groups.add(new EquivalentAddressGroup(new InetSocketAddress(address, replica.port())));
                    }
                } catch (UnknownHostException e) {
                    unresolved.add(replica.host());
                    failure = failure == null ? e : failure;
                }
            }
            return new Lookup(groups, String.join(", ", unresolved), failure);
        }

        /** Returns an IPv6 literal without the brackets a URL puts around it. */
        private static String bare(String host) {
            return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        }

        private record Lookup(
                List<EquivalentAddressGroup> groups, String unresolved, @Nullable UnknownHostException failure) {}
    }
}
