package io.tickscope.bench.scenarios;

import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.util.EventLoopGroups;
import io.grpc.ManagedChannel;
import io.netty.channel.EventLoopGroup;
import io.tickscope.api.pricing.v1.GetPriceResponse;
import io.tickscope.api.pricing.v1.GetPricesBatchResponse;
import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceStub;
import io.tickscope.bench.clients.ConnectionPerCallHttp;
import io.tickscope.bench.clients.NettyChannels;
import io.tickscope.bench.clients.PricingRequests;
import io.tickscope.bench.codec.ServerJsonCodec;
import io.tickscope.bench.report.Comparison;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Target;
import io.tickscope.bench.report.Units;
import io.tickscope.bench.servers.ArmeriaFeaturesUnderTest;
import io.tickscope.bench.servers.ByteCountingProxy;
import io.tickscope.bench.servers.DelayLineCheck;
import io.tickscope.bench.servers.Link;
import io.tickscope.bench.servers.Loopback;
import io.tickscope.server.ServerSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Item 3 of the performance issue: the articles' claims under a network. A product page needs 47 prices; the
 * client reaches the server (every feature on, plaintext and TLS ports) through the delay line
 * ({@link ByteCountingProxy} on a {@link Link}), 0.5 ms and 5 ms one way at 100 Mbit/s, checked first with a raw
 * TCP echo. Each way of loading the page is timed end to end, with the bytes and the socket reads (a lower bound on
 * payload segments) the line carried for it:
 *
 * <ul>
 *   <li>REST/JSON over HTTP/1.1, one call after another, a new connection for each (what the articles' team had),
 *       from a plain socket client ({@link ConnectionPerCallHttp}) so that each call pays the handshake and no
 *       more;
 *   <li>the same over one pooled keep-alive connection;
 *   <li>the same over TLS, a new connection and a full handshake for each;
 *   <li>47 gRPC unary calls, all in flight at once on one HTTP/2 connection;
 *   <li>one GetPricesBatch(47), over gRPC and over its REST route.
 * </ul>
 *
 * Pooled and multiplexed connections are open before the timing starts, as a running service's would be.
 */
public final class NetworkPage {

    private static final int PAGE_PRICES = 47;
    private static final List<Link> LINKS =
            List.of(Link.of(Duration.ofMillis(5).dividedBy(10), 100), Link.of(Duration.ofMillis(5), 100));
    private static final int LINE_CHECK_ECHOES = 20;
    private static final long CALL_TIMEOUT_SECONDS = 30;

    private static final String REST_NEW = "REST/JSON HTTP/1.1, new connection per call";
    private static final String REST_POOLED = "REST/JSON HTTP/1.1, pooled keep-alive connection";
    private static final String REST_TLS = "REST/JSON HTTP/1.1 over TLS, new connection per call";
    private static final String GRPC_IN_FLIGHT = "gRPC, 47 unary calls in flight on one HTTP/2 connection";
    private static final String GRPC_BATCH = "gRPC, one GetPricesBatch(47)";
    private static final String REST_BATCH = "REST/JSON, one POST /v1/prices:batchGet (47)";

    private NetworkPage() {}

    public static void run(int pages, Results results) throws Exception {
        List<String> productIds = PricingRequests.productIds(1, PAGE_PRICES);
        EventLoopGroup eventLoops = EventLoopGroups.newEventLoopGroup(1);
        try (ArmeriaFeaturesUnderTest server =
                ArmeriaFeaturesUnderTest.startWithTls(ServerSettings.DEFAULT_TICK_RATE)) {
            for (Link link : LINKS) {
                measureLine(link, server, productIds, eventLoops, pages, results);
            }
        } finally {
            eventLoops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        }
    }

    private static void measureLine(
            Link link,
            ArmeriaFeaturesUnderTest server,
            List<String> productIds,
            EventLoopGroup eventLoops,
            int pages,
            Results results)
            throws Exception {
        String section = "A page of 47 prices over a line of " + link.label() + " (median page)";
        long[] echo = DelayLineCheck.echoRoundTripNanos(link, LINE_CHECK_ECHOES, 64);
        double echoMillis = echo[echo.length / 2] / 1e6;
        results.add(section, "line check: raw TCP echo round trip (median)", echoMillis, Units.MILLIS);
        results.add(
                section,
                "line check: echo / configured round trip",
                echoMillis / (link.roundTrip().toNanos() / 1e6),
                Units.RATIO);

        try (ByteCountingProxy plain = ByteCountingProxy.start(server.port(), link);
                ByteCountingProxy tls = ByteCountingProxy.start(server.tlsPort(), link);
                ClientFactory pooledFactory =
                        ClientFactory.builder().workerGroup(eventLoops, false).build()) {
            String plainUri = "h1c://" + Loopback.HOST + ':' + plain.port();
            WebClient pooled =
                    WebClient.builder(plainUri).factory(pooledFactory).build();
            ManagedChannel channel = NettyChannels.plaintext(plain.port());
            try {
                PricingServiceStub async = PricingServiceGrpc.newStub(channel);
                PricingServiceBlockingStub blocking = PricingServiceGrpc.newBlockingStub(channel);
                ConnectionPerCallHttp perCall = ConnectionPerCallHttp.plaintext(plain.port());
                ConnectionPerCallHttp perCallTls = ConnectionPerCallHttp.tls(tls.port());
                PageFigures restNew = measure(section, REST_NEW, plain, pages, results, () -> {
                    for (String productId : productIds) {
                        decodePrice(perCall.get(PricingRequests.restPath(productId)));
                    }
                });
                PageFigures restPooled = measure(section, REST_POOLED, plain, pages, results, () -> {
                    for (String productId : productIds) {
                        decodePrice(checked(pooled.get(PricingRequests.restPath(productId))
                                        .aggregate()
                                        .join())
                                .content()
                                .array());
                    }
                });
                PageFigures restTls = measure(section, REST_TLS, tls, pages, results, () -> {
                    for (String productId : productIds) {
                        decodePrice(perCallTls.get(PricingRequests.restPath(productId)));
                    }
                });
                PageFigures grpcInFlight =
                        measure(section, GRPC_IN_FLIGHT, plain, pages, results, () -> allInFlight(async, productIds));
                PageFigures grpcBatch = measure(
                        section,
                        GRPC_BATCH,
                        plain,
                        pages,
                        results,
                        () -> blocking.getPricesBatch(PricingRequests.batch(productIds)));
                PageFigures restBatch = measure(section, REST_BATCH, plain, pages, results, () -> {
                    byte[] body = ServerJsonCodec.encode(PricingRequests.batch(productIds));
                    HttpRequest post =
                            HttpRequest.of(HttpMethod.POST, "/v1/prices:batchGet", MediaType.JSON_UTF_8, body);
                    ServerJsonCodec.decode(
                            checked(pooled.execute(post).aggregate().join())
                                    .content()
                                    .array(),
                            GetPricesBatchResponse.getDefaultInstance());
                });
                addRatios(section, link, restNew, restPooled, restTls, grpcInFlight, grpcBatch, restBatch, results);
            } finally {
                channel.shutdownNow();
            }
        }
    }

    private static void addRatios(
            String section,
            Link link,
            PageFigures restNew,
            PageFigures restPooled,
            PageFigures restTls,
            PageFigures grpcInFlight,
            PageFigures grpcBatch,
            PageFigures restBatch,
            Results results) {
        results.add(section, "per price, REST new connection: wall", restNew.millis() / PAGE_PRICES, Units.MILLIS);
        results.add(section, "per price, REST new connection: bytes", restNew.bytes() / PAGE_PRICES, Units.BYTES);
        results.add(section, "per price, gRPC in flight: bytes", grpcInFlight.bytes() / PAGE_PRICES, Units.BYTES);
        results.add(
                section,
                "wall, REST new connection / gRPC in flight",
                restNew.millis() / grpcInFlight.millis(),
                Units.RATIO);
        results.add(
                section,
                "wall, REST pooled / gRPC in flight",
                restPooled.millis() / grpcInFlight.millis(),
                Units.RATIO);
        results.add(
                section, "wall, REST over TLS / gRPC in flight", restTls.millis() / grpcInFlight.millis(), Units.RATIO);
        results.add(
                section, "wall, gRPC in flight / gRPC batch", grpcInFlight.millis() / grpcBatch.millis(), Units.RATIO);
        results.add(section, "wall, REST batch / gRPC batch", restBatch.millis() / grpcBatch.millis(), Units.RATIO);
        results.add(
                section,
                "bytes, gRPC in flight / REST new connection",
                grpcInFlight.bytes() / restNew.bytes(),
                Units.RATIO);
        results.add(section, "bytes, gRPC batch / REST batch", grpcBatch.bytes() / restBatch.bytes(), Units.RATIO);
        boolean farLine = link.oneWayDelay().compareTo(Duration.ofMillis(1)) > 0;
        String line = farLine ? "5 ms" : "0.5 ms";
        results.add(Target.ratio(
                farLine ? "10b" : "10a",
                "page of 47, " + line + " line: REST new conn. per call / 47 gRPC in flight",
                restNew.millis() / grpcInFlight.millis(),
                Comparison.AT_LEAST,
                10));
        if (farLine) {
            results.add(Target.ratio(
                    "11",
                    "page of 47: bytes, 47 gRPC calls / REST new conn. per call",
                    grpcInFlight.bytes() / restNew.bytes(),
                    Comparison.AT_MOST,
                    150.0 / 800));
            results.add(Target.ratio(
                    "12",
                    "page of 47, 5 ms line: 47 REST calls (keep-alive) / 1 gRPC batch",
                    restPooled.millis() / grpcBatch.millis(),
                    Comparison.AT_LEAST,
                    10));
        }
    }

    /** Loads the page {@code pages} times after one warm-up page; records the median page and its traffic. */
    private static PageFigures measure(
            String section, String variant, ByteCountingProxy line, int pages, Results results, PageLoad load)
            throws Exception {
        load.run();
        long[] nanos = new long[pages];
        long bytesBefore = line.clientToServerBytes() + line.serverToClientBytes();
        long readsBefore = line.clientToServerReads() + line.serverToClientReads();
        long connectionsBefore = line.connections();
        for (int page = 0; page < pages; page++) {
            long start = System.nanoTime();
            load.run();
            nanos[page] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double millis = nanos[pages / 2] / 1e6;
        double bytes = (double) (line.clientToServerBytes() + line.serverToClientBytes() - bytesBefore) / pages;
        double reads = (double) (line.clientToServerReads() + line.serverToClientReads() - readsBefore) / pages;
        double connections = (double) (line.connections() - connectionsBefore) / pages;
        results.add(section, variant + ": wall per page", millis, Units.MILLIS);
        results.add(section, variant + ": bytes per page", bytes, Units.BYTES);
        results.add(section, variant + ": segments per page (line's socket reads)", reads, Units.COUNT);
        results.add(section, variant + ": connections opened per page", connections, Units.COUNT);
        return new PageFigures(millis, bytes);
    }

    private static void allInFlight(PricingServiceStub async, List<String> productIds) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(productIds.size());
        AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        for (String productId : productIds) {
            async.getPrice(PricingRequests.getPrice(productId), new io.grpc.stub.StreamObserver<>() {
                @Override
                public void onNext(GetPriceResponse value) {}

                @Override
                public void onError(Throwable t) {
                    failure.compareAndSet(null, t);
                    done.countDown();
                }

                @Override
                public void onCompleted() {
                    done.countDown();
                }
            });
        }
        if (!done.await(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("47 GetPrice in flight: not all done in " + CALL_TIMEOUT_SECONDS + " s");
        }
        Throwable first = failure.get();
        if (first != null) {
            throw new IllegalStateException("47 GetPrice in flight: a call failed", first);
        }
    }

    private static void decodePrice(byte[] json) {
        ServerJsonCodec.decode(json, GetPriceResponse.getDefaultInstance());
    }

    private static AggregatedHttpResponse checked(AggregatedHttpResponse response) {
        if (!response.status().equals(HttpStatus.OK)) {
            throw new IllegalStateException(
                    "REST response: " + response.status() + ' ' + response.contentUtf8() + " (expected: 200 OK)");
        }
        return response;
    }

    /** One load of the page. */
    @FunctionalInterface
    private interface PageLoad {
        void run() throws Exception;
    }

    /** The median page's wall time and the mean bytes per page. */
    private record PageFigures(double millis, double bytes) {}
}
