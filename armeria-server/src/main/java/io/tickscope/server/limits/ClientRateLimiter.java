package io.tickscope.server.limits;

import static java.util.Objects.requireNonNull;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Gives each client (by {@link ClientKey}) a token bucket and ends a call that finds it empty with
 * RESOURCE_EXHAUSTED before any handler runs. The reply carries {@code grpc-retry-pushback-ms}: how long
 * until the bucket has a token again, which gRPC clients with a retry policy honour.
 */
final class ClientRateLimiter implements ServerInterceptor {

    /** Clients tracked at once; past it the least recent lose their bucket (and start again full). */
    private static final int MAX_TRACKED_CLIENTS = 100_000;
    /**
     * A bucket untouched this long is full again for any rate of at least burst / 10 minutes, so dropping it
     * loses nothing.
     */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private static final Metadata.Key<String> RETRY_PUSHBACK =
            Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

    private final RateLimit limit;
    private final ClientKey clientKey;
    private final LoadingCache<String, Bucket> buckets;

    ClientRateLimiter(RateLimit limit, ClientKey clientKey) {
        if (limit.isUnlimited()) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: a limit that is on)");
        }
        this.limit = limit;
        this.clientKey = requireNonNull(clientKey, "clientKey");
        this.buckets = CacheBuilder.newBuilder()
                .maximumSize(MAX_TRACKED_CLIENTS)
                .expireAfterAccess(FORGET_AFTER)
                .build(CacheLoader.from(this::newBucket));
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(
            ServerCall<ReqT, RespT> call, Metadata headers, ServerCallHandler<ReqT, RespT> next) {
        String client = clientKey.of(ServiceRequestContext.current());
        ConsumptionProbe probe = buckets.getUnchecked(client).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return next.startCall(call, headers);
        }
        long retryMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(probe.getNanosToWaitForRefill()));
        Metadata trailers = new Metadata();
        trailers.put(RETRY_PUSHBACK, Long.toString(retryMillis));
        call.close(
                Status.RESOURCE_EXHAUSTED.withDescription("rate limit of client " + client + ": "
                        + limit.callsPerSecond() + " calls per second, bursts of " + limit.burst()
                        + " (expected: a pause; retry in " + retryMillis + " ms)"),
                trailers);
        return new ServerCall.Listener<>() {};
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.burst())
                        .refillGreedy(limit.callsPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
    }
}
