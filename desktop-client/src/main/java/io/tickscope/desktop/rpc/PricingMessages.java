package io.tickscope.desktop.rpc;

import com.google.protobuf.Timestamp;
import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceResult;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import java.time.Instant;

/** Maps the pricing contract's messages to the desktop's records. */
final class PricingMessages {

    private PricingMessages() {}

    static CustomerSegment toProto(Segment segment) {
        switch (segment) {
            case STANDARD:
                return CustomerSegment.CUSTOMER_SEGMENT_STANDARD;
            case VIP:
                return CustomerSegment.CUSTOMER_SEGMENT_VIP;
            case WHOLESALE:
                return CustomerSegment.CUSTOMER_SEGMENT_WHOLESALE;
        }
        throw new IllegalArgumentException("segment: " + segment + " (expected: a known segment)");
    }

    static PriceTick fromProto(WatchPricesResponse response) {
        return new PriceTick(
                fromProto(response.getQuote()),
                response.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT,
                response.getSequenceNumber(),
                toInstant(response.getEventTime()));
    }

    static Quote fromProto(PriceQuote quote) {
        return new Quote(
                quote.getProductId(),
                quote.getProductName(),
                StreamedMoney.fromProto(quote.getBasePrice()),
                StreamedMoney.fromProto(quote.getDiscountedPrice()),
                quote.getOnSale() && quote.hasSaleEndTime() ? toInstant(quote.getSaleEndTime()) : null,
                toInstant(quote.getUpdateTime()));
    }

    static QuoteResult fromProto(PriceResult result) {
        if (result.hasQuote()) {
            return new QuoteResult(result.getProductId(), fromProto(result.getQuote()), null);
        }
        com.google.rpc.Status error = result.getError();
        io.grpc.Status.Code code = io.grpc.Status.fromCodeValue(error.getCode()).getCode();
        return new QuoteResult(result.getProductId(), null, code + ": " + error.getMessage());
    }

    private static Instant toInstant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
