package io.tickscope.desktop.rpc;

import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceResult;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.model.Quote;
import io.tickscope.desktop.model.QuoteResult;
import io.tickscope.desktop.model.Segment;
import io.tickscope.shared.time.InstantProtos;

/** Maps the pricing contract's messages to the desktop's model and back. */
final class PricingMessages {

    private PricingMessages() {}

    static CustomerSegment toProto(Segment segment) {
        return switch (segment) {
            case STANDARD -> CustomerSegment.CUSTOMER_SEGMENT_STANDARD;
            case VIP -> CustomerSegment.CUSTOMER_SEGMENT_VIP;
            case WHOLESALE -> CustomerSegment.CUSTOMER_SEGMENT_WHOLESALE;
        };
    }

    static PriceTick fromProto(WatchPricesResponse response) {
        return new PriceTick(
                fromProto(response.getQuote()),
                response.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT,
                response.getSequenceNumber(),
                InstantProtos.fromProto(response.getEventTime()));
    }

    static Quote fromProto(PriceQuote quote) {
        return new Quote(
                quote.getProductId(),
                quote.getProductName(),
                StreamedMoney.fromProto(quote.getBasePrice()),
                StreamedMoney.fromProto(quote.getDiscountedPrice()),
                quote.getOnSale() && quote.hasSaleEndTime() ? InstantProtos.fromProto(quote.getSaleEndTime()) : null,
                InstantProtos.fromProto(quote.getUpdateTime()));
    }

    static QuoteResult fromProto(PriceResult result) {
        return result.hasQuote()
                ? QuoteResult.of(fromProto(result.getQuote()))
                : QuoteResult.failed(result.getProductId(), RpcErrors.describe(result.getError()));
    }
}
