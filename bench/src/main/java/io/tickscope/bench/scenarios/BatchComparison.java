package io.tickscope.bench.scenarios;

import io.tickscope.bench.clients.GrpcPricingClient;
import io.tickscope.bench.clients.PricingRequests;
import io.tickscope.bench.load.AsyncCall;
import io.tickscope.bench.load.ProcessCpu;
import io.tickscope.bench.report.Comparison;
import io.tickscope.bench.report.Results;
import io.tickscope.bench.report.Target;
import io.tickscope.bench.report.Units;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Target 4: 1,000 prices fetched as 1,000 sequential GetPrice calls, as 1,000 concurrent ones and as one
 * GetPricesBatch, each timed end to end on the same gRPC connection. A warm-up runs every variant until the JIT
 * has compiled the batch path as well as the single-call path (one batch is a thousandth of the calls of the
 * sequential variant, so it gets {@value #WARMUP_BATCHES_PER_ROUND} extra batches per round), then the median
 * of the repetitions counts.
 */
public final class BatchComparison {

    private static final String SECTION = "1,000 prices: sequential calls, concurrent calls, one batch (median)";
    private static final long CONCURRENT_TIMEOUT_SECONDS = 30;
    private static final int WARMUP_BATCHES_PER_ROUND = 10;

    private BatchComparison() {}

    public static void run(GrpcPricingClient grpc, Duration warmup, int repetitions, Results results)
            throws InterruptedException {
        List<String> productIds = PricingRequests.productIds(1, PricingRequests.BATCH_SIZE);
        AsyncCall concurrentCall = grpc.getPriceCall();
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        do {
            timeSequential(grpc, productIds);
            timeConcurrent(concurrentCall, productIds.size());
            for (int i = 0; i < WARMUP_BATCHES_PER_ROUND; i++) {
                timeBatch(grpc, productIds);
            }
        } while (System.nanoTime() < warmupEnd);

        long[] sequential = new long[repetitions];
        long[] concurrent = new long[repetitions];
        long[] batch = new long[repetitions];
        long sequentialCpu = 0;
        long batchCpu = 0;
        for (int round = 0; round < repetitions; round++) {
            long cpuBefore = ProcessCpu.nanos();
            sequential[round] = timeSequential(grpc, productIds);
            sequentialCpu += ProcessCpu.nanos() - cpuBefore;
            concurrent[round] = timeConcurrent(concurrentCall, productIds.size());
            cpuBefore = ProcessCpu.nanos();
            batch[round] = timeBatch(grpc, productIds);
            batchCpu += ProcessCpu.nanos() - cpuBefore;
        }
        double sequentialMillis = medianMillis(sequential);
        double concurrentMillis = medianMillis(concurrent);
        double batchMillis = medianMillis(batch);
        double speedUp = sequentialMillis / batchMillis;
        results.add(SECTION, "1,000 sequential GetPrice", sequentialMillis, Units.MILLIS);
        results.add(SECTION, "1,000 concurrent GetPrice (all in flight at once)", concurrentMillis, Units.MILLIS);
        results.add(SECTION, "one GetPricesBatch(1,000)", batchMillis, Units.MILLIS);
        results.add(SECTION, "batch speed-up over sequential", speedUp, Units.RATIO);
        results.add(SECTION, "batch speed-up over concurrent", concurrentMillis / batchMillis, Units.RATIO);
        // CPU of the whole process (client and server in one JVM) per variant: steadier than wall time on a busy
        // machine, where the wall time of a sequential loop is mostly waiting for a core.
        results.add(
                SECTION, "process CPU per 1,000 sequential GetPrice", sequentialCpu / 1e6 / repetitions, Units.MILLIS);
        results.add(SECTION, "process CPU per GetPricesBatch(1,000)", batchCpu / 1e6 / repetitions, Units.MILLIS);
        results.add(Target.ratio(
                "4", "1,000 sequential GetPrice / one GetPricesBatch(1,000)", speedUp, Comparison.AT_LEAST, 50));
    }

    private static long timeSequential(GrpcPricingClient grpc, List<String> productIds) {
        long start = System.nanoTime();
        for (String productId : productIds) {
            grpc.getPrice(productId);
        }
        return System.nanoTime() - start;
    }

    private static long timeConcurrent(AsyncCall call, int calls) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(calls);
        AtomicReference<@Nullable Throwable> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            call.start(failure -> {
                if (failure != null) {
                    firstFailure.compareAndSet(null, failure);
                }
                done.countDown();
            });
        }
        if (!done.await(CONCURRENT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(
                    "concurrent GetPrice: not all done in " + CONCURRENT_TIMEOUT_SECONDS + " s (expected: all)");
        }
        long elapsed = System.nanoTime() - start;
        Throwable failure = firstFailure.get();
        if (failure != null) {
            throw new IllegalStateException("concurrent GetPrice: a call failed", failure);
        }
        return elapsed;
    }

    private static long timeBatch(GrpcPricingClient grpc, List<String> productIds) {
        long start = System.nanoTime();
        grpc.getPricesBatch(productIds);
        return System.nanoTime() - start;
    }

    private static double medianMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
