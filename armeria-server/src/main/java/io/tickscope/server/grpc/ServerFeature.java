package io.tickscope.server.grpc;

/**
 * The pieces of Tickscope's server configuration on top of a bare Armeria {@code GrpcService} hosting the pricing
 * service, in the order the benchmark adds them one at a time to see what each costs a unary call. Production
 * serves them all; {@link TickscopeServices#configureServices} builds exactly the ones it is given, so the
 * benchmark measures the real configuration rather than a copy of it.
 */
public enum ServerFeature {
    /** The recommendation and user services beside pricing, in the same {@code GrpcService}. */
    OTHER_SERVICES("recommendation and user services"),
    /** gRPC's JSON framing and unframed requests: plain HTTP POSTs of JSON or protobuf bodies. */
    UNFRAMED_JSON("unframed JSON"),
    /** The REST routes of the contract's {@code google.api.http} annotations, and the check of those it cannot serve. */
    HTTP_JSON_TRANSCODING("HTTP/JSON transcoding"),
    /** gRPC-Web and gRPC-Web-Text framing, for browsers. */
    GRPC_WEB("gRPC-Web"),
    /** WatchPrices and ListBooks as Server-Sent Events and NDJSON on their own routes. */
    HTTP_STREAMS("SSE/NDJSON stream routes"),
    /** The {@code /live} page and its script, which watch prices over gRPC-Web. */
    LIVE_PAGE("live page"),
    /** The DocService under {@code /docs}, with example requests. */
    DOC_SERVICE("DocService"),
    /** The gRPC health service, with the database's and the drain switch's checkers. */
    HEALTH("health"),
    /** gRPC server reflection (v1). */
    REFLECTION("reflection"),
    /** Micrometer metrics per call, the gauges of the price bus and the Prometheus page. */
    METRICS("metrics"),
    /** The access log: one line per request. */
    ACCESS_LOG("access log"),
    /** The limits: connections, streams, resets, message sizes, metadata size, deadline cap, rate limit. */
    LIMITS("limits decorators"),
    /** The bearer-token interceptor and the admin-surface decorators. */
    AUTH("auth interceptor"),
    /** The exception handler that maps domain exceptions and limit breaches to gRPC statuses. */
    EXCEPTION_HANDLER("exception handler");

    private final String label;

    ServerFeature(String label) {
        this.label = label;
    }

    /** Returns a short name for tables, for example "access log". */
    public String label() {
        return label;
    }
}
