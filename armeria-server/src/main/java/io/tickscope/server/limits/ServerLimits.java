package io.tickscope.server.limits;

import static java.util.Objects.requireNonNull;

import io.tickscope.api.pricing.v1.PricingServiceGrpc;
import io.tickscope.api.recommendation.v1.RecommendationServiceGrpc;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Every limit the server puts on its clients; {@link LimitsConfigurator} applies them.
 *
 * <p>Keepalive policy: the server PINGs a connection that has been quiet for {@code pingInterval} and closes it
 * when the PING goes unanswered, which finds dead peers under long-lived streams; it closes a connection without
 * calls after {@code idleTimeout}, and client PINGs do not count as calls, so an abandoned client cannot hold a
 * connection slot by pinging. Armeria enforces no minimum interval on client PINGs (there is no "too_many_pings"
 * GOAWAY as in grpc-java's server), so the desktop client's 10 s keepalive is always accepted; Netty closes a
 * connection that sends PINGs faster than it reads their acknowledgements (10,000 queued control frames).
 *
 * <p>Deadline policy: a unary call's deadline is clamped to {@code maxClientDeadline}, never rejected (see
 * {@link UnaryDeadlineCap}).
 *
 * @param maxRequestMessageBytes the largest request message of a method not named in the next map
 * @param maxRequestMessageBytesByMethod the largest request message of a method, by full method name
 *     ({@code package.Service/Method}), where it differs from the default
 * @param maxUploadStreamBytes the most request bytes one client-streaming call may send in total
 * @param maxMetadataBytes the largest request header block (gRPC metadata) HTTP/2 accepts
 * @param maxStreamsPerConnection concurrent HTTP/2 streams (calls) one connection may have open
 * @param maxConnections open connections across all clients
 * @param maxConnectionAge when a connection is told to go away (GOAWAY) so that clients spread again;
 *     {@link Duration#ZERO} keeps connections forever
 * @param connectionDrain the grace between the first GOAWAY and the final one: calls the client started
 *     meanwhile are still served, and calls in flight at the final GOAWAY go on for {@code connectionAgeGrace}
 * @param connectionAgeGrace how long calls may still run after the final GOAWAY before the connection is closed
 *     under them (see {@link ConnectionAgeGrace}); by default as long as the unary deadline cap, so only streams
 *     are ever cut
 * @param idleTimeout how long a connection without calls stays open; client PINGs do not keep it open
 * @param pingInterval how often the server PINGs a connection that has been quiet, to find dead peers
 * @param maxClientDeadline the longest deadline a unary call gets: a longer {@code grpc-timeout} is clamped
 * @param maxResetFramesPerMinute RST_STREAM frames one connection may send per minute before it is closed
 * @param maxProvokedResetsPerMinute streams the server may reset per minute on one connection because its client
 *     sent a frame that was a stream error, before the connection is closed (see {@link ProvokedResetBudget})
 * @param rateLimit how many calls each client may start
 */
public record ServerLimits(
        int maxRequestMessageBytes,
        Map<String, Integer> maxRequestMessageBytesByMethod,
        long maxUploadStreamBytes,
        int maxMetadataBytes,
        int maxStreamsPerConnection,
        int maxConnections,
        Duration maxConnectionAge,
        Duration connectionDrain,
        Duration connectionAgeGrace,
        Duration idleTimeout,
        Duration pingInterval,
        Duration maxClientDeadline,
        int maxResetFramesPerMinute,
        int maxProvokedResetsPerMinute,
        RateLimit rateLimit) {

    public ServerLimits {
        requirePositive("maxRequestMessageBytes", maxRequestMessageBytes);
        maxRequestMessageBytesByMethod = Map.copyOf(maxRequestMessageBytesByMethod);
        maxRequestMessageBytesByMethod.forEach(
                (method, bytes) -> requirePositive("maxRequestMessageBytes of " + method, bytes));
        requirePositive("maxUploadStreamBytes", maxUploadStreamBytes);
        requirePositive("maxMetadataBytes", maxMetadataBytes);
        requirePositive("maxStreamsPerConnection", maxStreamsPerConnection);
        requirePositive("maxConnections", maxConnections);
        requireNotNegative("maxConnectionAge", maxConnectionAge);
        requireNotNegative("connectionDrain", connectionDrain);
        requireNotNegative("connectionAgeGrace", connectionAgeGrace);
        requireNotNegative("idleTimeout", idleTimeout);
        requireNotNegative("pingInterval", pingInterval);
        requireNotNegative("maxClientDeadline", maxClientDeadline);
        if (maxClientDeadline.isZero()) {
            throw new IllegalArgumentException("maxClientDeadline: " + maxClientDeadline + " (expected: > 0)");
        }
        requirePositive("maxResetFramesPerMinute", maxResetFramesPerMinute);
        requirePositive("maxProvokedResetsPerMinute", maxProvokedResetsPerMinute);
        requireNonNull(rateLimit, "rateLimit");
    }

    /** The limits a server gets unless told otherwise; the per-client rate limit is off. */
    public static ServerLimits defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from these limits. */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .maxRequestMessageBytes(maxRequestMessageBytes)
                .maxUploadStreamBytes(maxUploadStreamBytes)
                .maxMetadataBytes(maxMetadataBytes)
                .maxStreamsPerConnection(maxStreamsPerConnection)
                .maxConnections(maxConnections)
                .maxConnectionAge(maxConnectionAge)
                .connectionDrain(connectionDrain)
                .connectionAgeGrace(connectionAgeGrace)
                .idleTimeout(idleTimeout)
                .pingInterval(pingInterval)
                .maxClientDeadline(maxClientDeadline)
                .maxResetFramesPerMinute(maxResetFramesPerMinute)
                .maxProvokedResetsPerMinute(maxProvokedResetsPerMinute)
                .rateLimit(rateLimit);
        maxRequestMessageBytesByMethod.forEach(builder::maxRequestMessageBytes);
        return builder;
    }

    /** Returns the largest request message {@code fullMethodName} accepts. */
    public int maxRequestMessageBytes(String fullMethodName) {
        return maxRequestMessageBytesByMethod.getOrDefault(fullMethodName, maxRequestMessageBytes);
    }

    /** Returns the largest request message any method accepts: what the transport must be able to read. */
    public int largestRequestMessageBytes() {
        return maxRequestMessageBytesByMethod.values().stream().reduce(maxRequestMessageBytes, Math::max);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
        }
    }

    private static void requireNotNegative(String name, Duration value) {
        requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + ": " + value + " (expected: >= 0)");
        }
    }

    /** Builds {@link ServerLimits}; starts from the defaults. */
    public static final class Builder {

        /** Ids, a currency and a few numbers: a single-product request is tiny. */
        private static final int DEFAULT_MESSAGE_BYTES = 16 * 1024;
        /** 1,000 product ids (the batch cap) of up to 64 characters each, with room to spare. */
        private static final int PRODUCT_LIST_MESSAGE_BYTES = 128 * 1024;
        /** One rating or one price change per message. */
        private static final int UPLOAD_MESSAGE_BYTES = 4 * 1024;

        private int maxRequestMessageBytes = DEFAULT_MESSAGE_BYTES;
        private final Map<String, Integer> maxRequestMessageBytesByMethod = new HashMap<>(Map.of(
                PricingServiceGrpc.getGetPricesBatchMethod().getFullMethodName(), PRODUCT_LIST_MESSAGE_BYTES,
                PricingServiceGrpc.getWatchPricesMethod().getFullMethodName(), PRODUCT_LIST_MESSAGE_BYTES,
                PricingServiceGrpc.getPublishPricesMethod().getFullMethodName(), UPLOAD_MESSAGE_BYTES,
                RecommendationServiceGrpc.getUploadBookRatingsMethod().getFullMethodName(), UPLOAD_MESSAGE_BYTES));
        private long maxUploadStreamBytes = 64L * 1024 * 1024;
        private int maxMetadataBytes = 8 * 1024;
        private int maxStreamsPerConnection = 1_000;
        private int maxConnections = 2_000;
        private Duration maxConnectionAge = Duration.ofMinutes(30);
        private Duration connectionDrain = Duration.ofSeconds(5);
        private Duration connectionAgeGrace = Duration.ofSeconds(60);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration pingInterval = Duration.ofSeconds(20);
        private Duration maxClientDeadline = Duration.ofSeconds(60);
        private int maxResetFramesPerMinute = 400;
        // Netty's own default for this defence: 200 per 30 s.
        private int maxProvokedResetsPerMinute = 400;
        private RateLimit rateLimit = RateLimit.UNLIMITED;

        private Builder() {}

        public Builder maxRequestMessageBytes(int bytes) {
            maxRequestMessageBytes = bytes;
            return this;
        }

        public Builder maxRequestMessageBytes(String fullMethodName, int bytes) {
            maxRequestMessageBytesByMethod.put(requireNonNull(fullMethodName, "fullMethodName"), bytes);
            return this;
        }

        public Builder maxUploadStreamBytes(long bytes) {
            maxUploadStreamBytes = bytes;
            return this;
        }

        public Builder maxMetadataBytes(int bytes) {
            maxMetadataBytes = bytes;
            return this;
        }

        public Builder maxStreamsPerConnection(int streams) {
            maxStreamsPerConnection = streams;
            return this;
        }

        public Builder maxConnections(int connections) {
            maxConnections = connections;
            return this;
        }

        public Builder maxConnectionAge(Duration age) {
            maxConnectionAge = age;
            return this;
        }

        public Builder connectionDrain(Duration drain) {
            connectionDrain = drain;
            return this;
        }

        public Builder connectionAgeGrace(Duration grace) {
            connectionAgeGrace = grace;
            return this;
        }

        public Builder idleTimeout(Duration timeout) {
            idleTimeout = timeout;
            return this;
        }

        public Builder pingInterval(Duration interval) {
            pingInterval = interval;
            return this;
        }

        public Builder maxClientDeadline(Duration deadline) {
            maxClientDeadline = deadline;
            return this;
        }

        public Builder maxResetFramesPerMinute(int frames) {
            maxResetFramesPerMinute = frames;
            return this;
        }

        public Builder maxProvokedResetsPerMinute(int resets) {
            maxProvokedResetsPerMinute = resets;
            return this;
        }

        public Builder rateLimit(RateLimit limit) {
            rateLimit = limit;
            return this;
        }

        public ServerLimits build() {
            return new ServerLimits(
                    maxRequestMessageBytes,
                    maxRequestMessageBytesByMethod,
                    maxUploadStreamBytes,
                    maxMetadataBytes,
                    maxStreamsPerConnection,
                    maxConnections,
                    maxConnectionAge,
                    connectionDrain,
                    connectionAgeGrace,
                    idleTimeout,
                    pingInterval,
                    maxClientDeadline,
                    maxResetFramesPerMinute,
                    maxProvokedResetsPerMinute,
                    rateLimit);
        }
    }
}
