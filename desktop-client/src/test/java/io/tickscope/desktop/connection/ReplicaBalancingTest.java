package io.tickscope.desktop.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.model.WatchRequest;
import io.tickscope.desktop.rpc.PriceWatch;
import io.tickscope.desktop.rpc.PricingClient;
import io.tickscope.desktop.rpc.wire.CallStats;
import io.tickscope.desktop.rpc.wire.WireMeter;
import io.tickscope.desktop.rpc.wire.WireMeteringInterceptor;
import io.tickscope.desktop.testing.RecordingWatchListener;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monitor's one channel over three real replicas: calls spread over them, a replica that stops is left
 * (watches resubscribe onto a survivor, unary calls keep succeeding), and a replica that says NOT_SERVING gets no
 * new call.
 */
class ReplicaBalancingTest {

    private static final int REPLICAS = 3;
    private static final String WATCH_PRICES = "tickscope.pricing.v1.PricingService/WatchPrices";

    private static @Nullable Replicas replicas;

    private final WireMeter meter = new WireMeter();
    private final ReplicaRecorder recorder = new ReplicaRecorder();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private @Nullable ManagedChannel channel;

    @BeforeAll
    static void startReplicas() {
        replicas = Replicas.start(REPLICAS);
    }

    @AfterAll
    static void stopReplicas() {
        replicas().close();
    }

    @BeforeEach
    void openChannel() {
        replicas().reset();
        channel = Channels.open(
                replicas().target(), ChannelSecurity.plaintext(), new WireMeteringInterceptor(meter), recorder);
        // Every replica connected and reported healthy: from here on round robin rotates over all three.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            getPrices(REPLICAS);
            return recorder.replicasSince(0).size() == REPLICAS;
        });
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        scheduler.shutdownNow();
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void unaryCallsAndWatchesSpreadOverEveryReplicaOfOneChannel() {
        int from = recorder.count();
        getPrices(30);

        Map<Integer, Long> callsPerReplica = recorder.replicasSince(from).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(callsPerReplica).hasSize(REPLICAS);
        // Round robin: each takes its turn, none is skipped for long.
        assertThat(callsPerReplica.values())
                .allSatisfy(calls -> assertThat(calls).isGreaterThanOrEqualTo(5));

        PricingClient pricing = new PricingClient(channel(), ConnectionMonitor.start(channel(), scheduler), scheduler);
        List<PriceWatch> watches = new ArrayList<>();
        for (int watch = 0; watch < REPLICAS; watch++) {
            watches.add(pricing.watch(watchRequest("P0000" + (watch + 1)), new RecordingWatchListener()));
        }
        // The wire view shows each stream's replica; three streams in a row land on three replicas.
        await().untilAsserted(
                        () -> assertThat(watchReplicas()).hasSize(REPLICAS).doesNotContain(""));
        assertThat(watchReplicas().stream().distinct()).hasSize(REPLICAS);
        watches.forEach(PriceWatch::close);
    }

    @Test
    void whenAReplicaStopsWatchesMoveToASurvivorAndUnaryCallsKeepSucceeding() {
        PricingClient pricing = new PricingClient(channel(), ConnectionMonitor.start(channel(), scheduler), scheduler);
        RecordingWatchListener listener = new RecordingWatchListener();
        PriceWatch watch = pricing.watch(watchRequest("P00010"), listener);
        await().until(() -> listener.snapshotCount() == 1
                && watchReplicas().size() == 1
                && !watchReplicas().get(0).isEmpty());
        String first = watchReplicas().get(0);
        int stopped = replicas().replicaOn(portOf(first));
        // Unary calls go on, one after the other, while the replica stops under them.
        CompletableFuture<Void> callsMeanwhile = CompletableFuture.runAsync(() -> getPrices(60));

        replicas().stop(stopped);
        callsMeanwhile.join();

        // The stream breaks with the server; the watch resubscribes on the same channel, onto another replica.
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.snapshotCount() == 2);
        await().untilAsserted(() -> assertThat(watchReplicas()).singleElement().isNotIn(first, ""));
        assertThat(listener.failures).isEmpty();
        // Every unary call succeeds (getPrices throws otherwise), and none goes to the replica that is gone.
        int from = recorder.count();
        getPrices(30);
        assertThat(recorder.replicasSince(from))
                .hasSize(30)
                .doesNotContain(stopped)
                .containsAll(survivorsOf(stopped));
        watch.close();
    }

    @Test
    void aReplicaThatSaysNotServingGetsNoNewCalls() {
        int draining = 1;

        replicas().setServing(draining, false);

        // gRPC's health check watches the replica's status: the change arrives as a stream message, at once.
        await().atMost(Duration.ofSeconds(2)).until(() -> {
            int from = recorder.count();
            getPrices(REPLICAS);
            return !recorder.replicasSince(from).contains(draining);
        });
        int from = recorder.count();
        getPrices(30);
        assertThat(recorder.replicasSince(from)).hasSize(30).doesNotContain(draining);

        // Serving again, it takes its turn again: its status, not chance, kept it out.
        replicas().setServing(draining, true);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            int since = recorder.count();
            getPrices(REPLICAS);
            return recorder.replicasSince(since).contains(draining);
        });
    }

    /** Makes {@code count} GetPrice calls one after the other; each must succeed. */
    private void getPrices(int count) {
        PricingServiceGrpc.PricingServiceBlockingStub stub = PricingServiceGrpc.newBlockingStub(channel());
        for (int call = 0; call < count; call++) {
            stub.withDeadlineAfter(5, TimeUnit.SECONDS)
                    .getPrice(
                            GetPriceRequest.newBuilder().setProductId("P00001").build());
        }
    }

    private List<String> watchReplicas() {
        return meter.snapshot().activeCalls().stream()
                .filter(call -> call.method().equals(WATCH_PRICES))
                .map(CallStats::replica)
                .toList();
    }

    private static List<Integer> survivorsOf(int stopped) {
        List<Integer> survivors = new ArrayList<>();
        for (int replica = 0; replica < REPLICAS; replica++) {
            if (replica != stopped) {
                survivors.add(replica);
            }
        }
        return survivors;
    }

    private static int portOf(String replica) {
        return Integer.parseInt(replica.substring(replica.lastIndexOf(':') + 1));
    }

    private static WatchRequest watchRequest(String productId) {
        return new WatchRequest(List.of(productId), Currency.getInstance("GBP"), Segment.WHOLESALE);
    }

    private ManagedChannel channel() {
        if (channel == null) {
            throw new IllegalStateException("channel: before openChannel");
        }
        return channel;
    }

    private static Replicas replicas() {
        if (replicas == null) {
            throw new IllegalStateException("replicas: before startReplicas");
        }
        return replicas;
    }

    /** Records which replica answered each call that closed, in order, as the transport tells it. */
    private final class ReplicaRecorder implements ClientInterceptor {

        private final List<Integer> answeredBy = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public <ReqT, RespT> ClientCall<ReqT, RespT> interceptCall(
                MethodDescriptor<ReqT, RespT> method, CallOptions callOptions, Channel next) {
            return new SimpleForwardingClientCall<>(next.newCall(method, callOptions)) {
                @Override
                public void start(Listener<RespT> listener, Metadata headers) {
                    ClientCall<ReqT, RespT> call = this;
                    super.start(
                            new SimpleForwardingClientCallListener<>(listener) {
                                @Override
                                public void onClose(Status status, Metadata trailers) {
                                    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
                                    if (status.isOk() && remote instanceof InetSocketAddress) {
                                        answeredBy.add(replicas().replicaOn(((InetSocketAddress) remote).getPort()));
                                    }
                                    super.onClose(status, trailers);
                                }
                            },
                            headers);
                }
            };
        }

        int count() {
            return answeredBy.size();
        }

        List<Integer> replicasSince(int from) {
            return List.copyOf(answeredBy.subList(from, answeredBy.size()));
        }
    }
}
