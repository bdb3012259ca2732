package io.tickscope.server.grpc;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Timestamp;
import io.grpc.stub.StreamObserver;
import io.tickscope.api.pricing.v1.GetPriceBarsRequest;
import io.tickscope.api.pricing.v1.GetPriceBarsResponse;
import io.tickscope.api.pricing.v1.GetPriceHistoryRequest;
import io.tickscope.api.pricing.v1.GetPriceHistoryResponse;
import io.tickscope.api.pricing.v1.PriceBarEncoding;
import io.tickscope.api.pricing.v1.PriceBarResolution;
import io.tickscope.server.error.NotFoundException;
import io.tickscope.server.pricing.Nanos;
import io.tickscope.server.pricing.PriceBook;
import io.tickscope.server.pricing.PriceHistory;
import io.tickscope.server.pricing.PriceHistoryStore.TickPosition;
import io.tickscope.server.pricing.Segment;
import io.tickscope.shared.time.BarResolution;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * GetPriceHistory and GetPriceBars: checks a request whole (every bad field named at once, as the other methods
 * do), then reads the store on the blocking executor. A server that stores no history refuses both before it
 * reads the request.
 */
final class HistoryCalls {

    static final int DEFAULT_PAGE_SIZE = 1_000;
    static final int MAX_PAGE_SIZE = 10_000;
    /**
     * Minor-unit bars take about a third of the bytes of Money bars (22 to 30 for everyday prices, against 79):
     * a page of this many is about 3 MB, under gRPC's usual 4 MiB limit on a message.
     */
    static final int MAX_MINOR_UNIT_BARS_PAGE_SIZE = 100_000;

    static final Duration MAX_HISTORY_RANGE = Duration.ofDays(31);
    static final long MAX_BAR_BUCKETS = 600_000;
    /** Timestamps history can hold: nanoseconds since the epoch in a long. */
    private static final Instant LATEST = Nanos.toInstant(Long.MAX_VALUE);

    private final PriceBook book;
    private final PriceHistory history;

    HistoryCalls(PriceBook book, PriceHistory history) {
        this.book = requireNonNull(book, "book");
        this.history = requireNonNull(history, "history");
    }

    void getPriceHistory(GetPriceHistoryRequest request, StreamObserver<GetPriceHistoryResponse> responseObserver) {
        history.requireStored();
        RequestViolations violations = new RequestViolations();
        String productId = request.getProductId();
        Identifiers.check(violations, "product_id", productId, "P00042");
        Currency currency = Currencies.parse(request.getCurrencyCode(), violations, "currency_code");
        Segment segment = Segments.fromProto(request.getCustomerSegmentValue(), violations, "customer_segment");
        int pageSize = pageSize(request.getPageSize(), MAX_PAGE_SIZE, violations);
        @Nullable Long from = request.hasStartTime() ? nanos(request.getStartTime(), "start_time", violations) : null;
        if (!request.hasStartTime()) {
            violations.add("start_time", "not set (expected: the start of the range, such as 2026-12-06T07:00:00Z)");
        }
        @Nullable Long requestedTo = request.hasEndTime() ? nanos(request.getEndTime(), "end_time", violations) : null;
        String query = "history|" + productId + '|' + from;
        PageTokens.@Nullable Token token =
                request.getPageToken().isEmpty() ? null : PageTokens.decode(request.getPageToken(), query, violations);
        long to = endOf(requestedTo, token);
        if (from != null) {
            checkRange(from, to, MAX_HISTORY_RANGE.toNanos(), "at most 31 days (P31D)", violations);
        }
        violations.throwIfAny();
        requireKnown(productId);
        long start = requireNonNull(from, "from");
        TickPosition after = token == null ? TickPosition.START : new TickPosition(token.first(), token.second());
        BlockingUnary.respond(responseObserver, () -> {
            PriceHistory.TickPage page = history.ticks(productId, start, to, after, pageSize, currency, segment);
            GetPriceHistoryResponse.Builder response = GetPriceHistoryResponse.newBuilder();
            page.ticks().forEach(tick -> response.addTicks(HistoryMessages.toProto(tick)));
            TickPosition next = page.next();
            if (next != null) {
                response.setNextPageToken(PageTokens.encode(query, to, next.eventTimeNanos(), next.tickId()));
            }
            return response.build();
        });
    }

    void getPriceBars(GetPriceBarsRequest request, StreamObserver<GetPriceBarsResponse> responseObserver) {
        history.requireStored();
        RequestViolations violations = new RequestViolations();
        String productId = request.getProductId();
        Identifiers.check(violations, "product_id", productId, "P00042");
        Currency currency = Currencies.parse(request.getCurrencyCode(), violations, "currency_code");
        Segment segment = Segments.fromProto(request.getCustomerSegmentValue(), violations, "customer_segment");
        @Nullable BarResolution resolution = resolutionOf(request.getResolutionValue(), violations);
        boolean minorUnits = inMinorUnits(request.getEncodingValue(), violations);
        int pageSize =
                pageSize(request.getPageSize(), minorUnits ? MAX_MINOR_UNIT_BARS_PAGE_SIZE : MAX_PAGE_SIZE, violations);
        @Nullable Long from = request.hasStartTime() ? nanos(request.getStartTime(), "start_time", violations) : null;
        if (!request.hasStartTime()) {
            violations.add("start_time", "not set (expected: the start of the range, such as 2026-12-06T07:00:00Z)");
        }
        @Nullable Long requestedTo = request.hasEndTime() ? nanos(request.getEndTime(), "end_time", violations) : null;
        String query = "bars|" + productId + '|' + request.getResolutionValue() + '|' + from;
        PageTokens.@Nullable Token token =
                request.getPageToken().isEmpty() ? null : PageTokens.decode(request.getPageToken(), query, violations);
        long to = endOf(requestedTo, token);
        long bucketsFrom = 0;
        long bucketsTo = 0;
        if (from != null && resolution != null) {
            bucketsFrom = resolution.bucketStart(from);
            bucketsTo = to <= bucketsFrom ? to : resolution.bucketStart(to - 1) + resolution.nanos();
            checkRange(
                    from,
                    to,
                    saturatedProduct(MAX_BAR_BUCKETS, resolution.nanos()),
                    "at most " + MAX_BAR_BUCKETS + " buckets of the resolution (a year of minutes, a week of seconds)",
                    violations);
        }
        violations.throwIfAny();
        requireKnown(productId);
        BarResolution bars = requireNonNull(resolution, "resolution");
        long pageStart = token == null ? bucketsFrom : token.first();
        long lastBucketEnd = bucketsTo;
        // A page of 100,000 days would overflow a long of nanoseconds: the page is at most what is left.
        long pageEnd = pageStart + Math.min(lastBucketEnd - pageStart, saturatedProduct(pageSize, bars.nanos()));
        BlockingUnary.respond(responseObserver, () -> {
            List<PriceHistory.QuotedBar> page = history.bars(productId, bars, pageStart, pageEnd, currency, segment);
            GetPriceBarsResponse.Builder response = GetPriceBarsResponse.newBuilder();
            if (minorUnits) {
                PriceBarMessages.addMinorUnitBars(response, page, currency, bars);
            } else {
                PriceBarMessages.addMoneyBars(response, page);
            }
            if (pageEnd < lastBucketEnd) {
                response.setNextPageToken(PageTokens.encode(query, to, pageEnd, 0));
            }
            return response.build();
        });
    }

    /**
     * Returns {@code timestamp} in nanoseconds since the epoch, or null after adding a violation of {@code field}
     * when history cannot hold it.
     */
    static @Nullable Long nanos(Timestamp timestamp, String field, RequestViolations violations) {
        if (timestamp.getNanos() < 0
                || timestamp.getNanos() > 999_999_999
                || timestamp.getSeconds() < 0
                || timestamp.getSeconds() > LATEST.getEpochSecond() - 1) {
            violations.add(
                    field,
                    timestamp.getSeconds() + " s " + timestamp.getNanos()
                            + " ns (expected: a valid timestamp between 1970-01-01T00:00:00Z and " + LATEST + ')');
            return null;
        }
        return Nanos.of(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
    }

    private long endOf(@Nullable Long requestedTo, PageTokens.@Nullable Token token) {
        if (token != null) {
            return token.endNanos();
        }
        return requestedTo != null ? requestedTo : Nanos.of(book.clock().instant());
    }

    private static void checkRange(
            long from, long to, long maxNanos, String maxDescribed, RequestViolations violations) {
        if (to <= from) {
            violations.add(
                    "end_time", Nanos.toInstant(to) + " (expected: after start_time, " + Nanos.toInstant(from) + ')');
        } else if (to - from > maxNanos) {
            violations.add(
                    "end_time",
                    Nanos.toInstant(to) + " is " + Duration.ofNanos(to - from) + " after start_time (expected: "
                            + maxDescribed + "; ask for several ranges)");
        }
    }

    private static long saturatedProduct(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static int pageSize(int requested, int max, RequestViolations violations) {
        if (requested < 0 || requested > max) {
            violations.add(
                    "page_size", requested + " (expected: 1 to " + max + ", or 0 for " + DEFAULT_PAGE_SIZE + ')');
            return DEFAULT_PAGE_SIZE;
        }
        return requested == 0 ? DEFAULT_PAGE_SIZE : requested;
    }

    /** Returns whether the request asked for minor-unit bars; false after a violation when it is no encoding. */
    private static boolean inMinorUnits(int value, RequestViolations violations) {
        PriceBarEncoding encoding = PriceBarEncoding.forNumber(value);
        if (encoding == null || encoding == PriceBarEncoding.UNRECOGNIZED) {
            violations.add(
                    "encoding",
                    value + " (expected: PRICE_BAR_ENCODING_MONEY, PRICE_BAR_ENCODING_MINOR_UNITS or unspecified)");
            return false;
        }
        return encoding == PriceBarEncoding.PRICE_BAR_ENCODING_MINOR_UNITS;
    }

    private static @Nullable BarResolution resolutionOf(int value, RequestViolations violations) {
        PriceBarResolution resolution = PriceBarResolution.forNumber(value);
        String expected = " (expected: one of PRICE_BAR_RESOLUTION_ONE_SECOND, _ONE_MINUTE, _FIVE_MINUTES,"
                + " _ONE_HOUR, _ONE_DAY)";
        if (resolution == null) {
            violations.add("resolution", value + expected);
            return null;
        }
        return switch (resolution) {
            case PRICE_BAR_RESOLUTION_ONE_SECOND -> BarResolution.ONE_SECOND;
            case PRICE_BAR_RESOLUTION_ONE_MINUTE -> BarResolution.ONE_MINUTE;
            case PRICE_BAR_RESOLUTION_FIVE_MINUTES -> BarResolution.FIVE_MINUTES;
            case PRICE_BAR_RESOLUTION_ONE_HOUR -> BarResolution.ONE_HOUR;
            case PRICE_BAR_RESOLUTION_ONE_DAY -> BarResolution.ONE_DAY;
            case PRICE_BAR_RESOLUTION_UNSPECIFIED, UNRECOGNIZED -> {
                violations.add("resolution", resolution.name() + expected);
                yield null;
            }
        };
    }

    private void requireKnown(String productId) {
        if (!book.contains(productId)) {
            throw new NotFoundException("product", productId);
        }
    }
}
