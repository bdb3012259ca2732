package io.tickscope.desktop.cluster;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Unary calls on one channel, as a busy client makes them: {@code loops} threads each send a GetPrice of a random
 * watched product (deadline 5 s) 2 ms after the previous one answered (hundreds a second in all, leaving the
 * replicas CPU to restart). Counts what succeeded and
 * keeps every failure, and remembers when each replica (by port) last answered, so that a test can wait until a
 * restarted replica is back in the client's rotation.
 */
final class UnaryLoad implements AutoCloseable {

    private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final Channel channel;
    private final List<String> productIds;
    private final ExecutorService threads;
    private final AtomicLong succeeded = new AtomicLong();
    private final List<Status> failures = new CopyOnWriteArrayList<>();
    private final Map<Integer, Long> lastAnsweredNanos = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    UnaryLoad(Channel channel, List<String> productIds, int loops) {
        this.channel = ClientInterceptors.intercept(channel, new AnsweringReplica());
        this.productIds = List.copyOf(productIds);
        this.threads = Executors.newFixedThreadPool(loops);
        for (int loop = 0; loop < loops; loop++) {
            threads.execute(this::callUntilClosed);
        }
    }

    long succeeded() {
        return succeeded.get();
    }

    List<Status> failures() {
        return List.copyOf(failures);
    }

    /** Whether the replica on {@code port} answered a call that started after {@code sinceNanos} (System.nanoTime). */
    boolean answeredBy(int port, long sinceNanos) {
        Long last = lastAnsweredNanos.get(port);
        return last != null && last - sinceNanos > 0;
    }

    @Override
    public void close() {
        running = false;
        threads.shutdown();
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void callUntilClosed() {
        PricingServiceGrpc.PricingServiceBlockingStub stub = PricingServiceGrpc.newBlockingStub(channel);
        while (running) {
            String productId = productIds.get(ThreadLocalRandom.current().nextInt(productIds.size()));
            try {
                stub.withDeadlineAfter(5, TimeUnit.SECONDS)
                        .getPrice(GetPriceRequest.newBuilder()
                                .setProductId(productId)
                                .build());
                succeeded.incrementAndGet();
            } catch (RuntimeException e) {
                failures.add(Status.fromThrowable(e));
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    /** Notes which replica answered each successful call, from the transport's remote address. */
    private final class AnsweringReplica implements ClientInterceptor {
        @Override
        public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
                MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
            long startedNanos = System.nanoTime();
            return new SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
                @Override
                public void start(Listener<RespT> listener, Metadata headers) {
                    ClientCall<ReqT, RespT> call = this;
                    super.start(
                            new SimpleForwardingClientCallListener<>(listener) {
                                @Override
                                public void onClose(Status status, Metadata trailers) {
                                    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
                                    if (status.isOk() && remote instanceof InetSocketAddress address) {
                                        lastAnsweredNanos.merge(address.getPort(), startedNanos, Math::max);
                                    }
                                    super.onClose(status, trailers);
                                }
                            },
                            headers);
                }
            };
        }
    }
}
