package io.tickscope.bench.scenarios;

import io.tickscope.bench.clients.GrpcPricingClient;
import io.tickscope.bench.clients.RestPricingClient;
import io.tickscope.bench.load.RoundTrip;
import io.tickscope.bench.report.Comparison;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Target;
import io.tickscope.bench.report.Units;
import io.tickscope.bench.servers.ByteCountingProxy;

/**
 * Target 2: the bytes one GetPrice puts on the wire in both directions, headers and framing included, counted
 * by a TCP proxy between client and server. Each protocol first makes warm-up calls on its connection (the
 * HTTP/2 preface and settings, HPACK's dynamic table filling with the repeated headers), then the bytes of the
 * measured calls are averaged: the steady-state cost of a call on a long-lived connection.
 */
public final class WireBytes {

    private static final String SECTION = "Bytes on the wire per GetPrice call, steady state (TCP payload)";
    private static final int WARMUP_CALLS = 100;
    private static final int MEASURED_CALLS = 500;

    private WireBytes() {}

    public static void run(int serverPort, Results results) throws Exception {
        Traffic grpc;
        Traffic rest;
        try (ByteCountingProxy proxy = ByteCountingProxy.start(serverPort)) {
            grpc = measure(proxy, GrpcPricingClient.armeria(proxy.port()).getPriceRoundTrip());
            rest = measure(proxy, RestPricingClient.http1(proxy.port()).getPriceRoundTrip());
        }
        add(results, "gRPC (HTTP/2)", grpc);
        add(results, "REST/JSON (HTTP/1.1)", rest);
        double ratio = grpc.total() / rest.total();
        results.add(SECTION, "gRPC / REST, both directions", ratio, Units.RATIO);
        results.add(Target.ratio(
                "2", "bytes on the wire per call incl. headers, gRPC / REST", ratio, Comparison.AT_MOST, 0.3));
    }

    private static Traffic measure(ByteCountingProxy proxy, RoundTrip call) throws Exception {
        for (int i = 0; i < WARMUP_CALLS; i++) {
            call.run();
        }
        long requestBytes = proxy.clientToServerBytes();
        long responseBytes = proxy.serverToClientBytes();
        for (int i = 0; i < MEASURED_CALLS; i++) {
            call.run();
        }
        return new Traffic(
                (double) (proxy.clientToServerBytes() - requestBytes) / MEASURED_CALLS,
                (double) (proxy.serverToClientBytes() - responseBytes) / MEASURED_CALLS);
    }

    private static void add(Results results, String protocol, Traffic traffic) {
        results.add(SECTION, protocol + ": request", traffic.requestBytes(), Units.BYTES);
        results.add(SECTION, protocol + ": response", traffic.responseBytes(), Units.BYTES);
        results.add(SECTION, protocol + ": both directions", traffic.total(), Units.BYTES);
    }

    /** The average bytes of one call in each direction. */
    private record Traffic(double requestBytes, double responseBytes) {

        double total() {
            return requestBytes + responseBytes;
        }
    }
}
