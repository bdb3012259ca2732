package io.tickscope.bench.scenarios;

import io.tickscope.api.pricing.v1.GetPriceResponse;
import io.tickscope.api.pricing.v1.GetPricesBatchResponse;
import io.tickscope.bench.clients.GrpcPricingClient;
import io.tickscope.bench.clients.PricingRequests;
import io.tickscope.bench.clients.RestPricingClient;
import io.tickscope.bench.codec.CodecFixtures;
import io.tickscope.bench.report.Comparison;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Target;
import io.tickscope.bench.report.Units;
import java.nio.file.Path;
import java.util.List;

/**
 * Target 1: the size of what the server sends for one GetPrice and for a batch of 1,000, as protobuf (the gRPC
 * message) and as JSON (the body of the REST route), both fetched from the same server moments apart. The
 * protobuf responses are saved as fixtures for the codec microbenchmarks.
 */
public final class EncodedSizes {

    private static final String SECTION = "Encoded size of the response message (body only: no framing, no headers)";

    private EncodedSizes() {}

    public static void run(GrpcPricingClient grpc, RestPricingClient rest, Path fixtureDirectory, Results results) {
        String productId = PricingRequests.productId(42);
        GetPriceResponse single = grpc.getPrice(productId);
        int singleJson = rest.getPriceBody(productId).length;

        List<String> productIds = PricingRequests.productIds(1, PricingRequests.BATCH_SIZE);
        GetPricesBatchResponse batch = grpc.getPricesBatch(productIds);
        int batchJson = rest.getPricesBatchBody(productIds).length;

        CodecFixtures.write(fixtureDirectory, single);
        CodecFixtures.write(fixtureDirectory, batch);

        double singleRatio = (double) single.getSerializedSize() / singleJson;
        double batchRatio = (double) batch.getSerializedSize() / batchJson;
        results.add(SECTION, "GetPriceResponse, protobuf", single.getSerializedSize(), Units.BYTES);
        results.add(SECTION, "GetPriceResponse, JSON (REST body)", singleJson, Units.BYTES);
        results.add(SECTION, "GetPriceResponse, protobuf / JSON", singleRatio, Units.RATIO);
        results.add(SECTION, "GetPricesBatchResponse(1,000), protobuf", batch.getSerializedSize(), Units.BYTES);
        results.add(SECTION, "GetPricesBatchResponse(1,000), JSON (REST body)", batchJson, Units.BYTES);
        results.add(SECTION, "GetPricesBatchResponse(1,000), protobuf / JSON", batchRatio, Units.RATIO);
        results.add(
                Target.ratio("1a", "GetPrice response size, protobuf / JSON", singleRatio, Comparison.AT_MOST, 0.30));
        results.add(Target.ratio(
                "1b", "GetPricesBatch(1,000) response size, protobuf / JSON", batchRatio, Comparison.AT_MOST, 0.35));
    }
}
