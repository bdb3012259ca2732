package io.tickscope.desktop.rpc;

import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceResult;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.shared.time.InstantProtos;

/** Maps the pricing contract's messages to the desktop's records. */
final class PricingMessages {

    private PricingMessages() {}

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
        if (result.hasQuote()) {
            return new QuoteResult(result.getProductId(), fromProto(result.getQuote()), null);
        }
        com.google.rpc.Status error = result.getError();
        io.grpc.Status.Code code = io.grpc.Status.fromCodeValue(error.getCode()).getCode();
        return new QuoteResult(result.getProductId(), null, code + ": " + error.getMessage());
    }
}
