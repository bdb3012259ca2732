package io.tickscope.server.grpc;

import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.pricing.PriceUpdate;
import io.tickscope.server.pricing.Quote;
import io.tickscope.shared.money.MoneyProtos;
import io.tickscope.shared.time.InstantProtos;
import java.time.Instant;

/** Maps quotes and price updates from the domain to the contract. */
final class PricingMessages {

    private PricingMessages() {}

    static PriceQuote toProto(Quote quote) {
        PriceQuote.Builder proto = PriceQuote.newBuilder()
                .setProductId(quote.productId())
                .setProductName(quote.productName())
                .setCustomerSegment(Segments.toProto(quote.segment()))
                .setBasePrice(MoneyProtos.toProto(quote.basePrice()))
                .setDiscountedPrice(MoneyProtos.toProto(quote.discountedPrice()))
                .setOnSale(quote.onSale())
                .setUpdateTime(InstantProtos.toProto(quote.updateTime()))
                .setListingCurrencyCode(quote.listingCurrency().getCurrencyCode());
        Instant saleEnd = quote.saleEndTime();
        if (saleEnd != null) {
            proto.setSaleEndTime(InstantProtos.toProto(saleEnd));
        }
        return proto.build();
    }

    /**
     * Returns {@code update}, quoted as {@code quote}; a snapshot carries {@code incarnation}, the price book's,
     * which changes carry only implicitly, to keep them small.
     */
    static WatchPricesResponse toProto(PriceUpdate update, Quote quote, long incarnation) {
        boolean snapshot = update.kind() == PriceUpdate.Kind.SNAPSHOT;
        return WatchPricesResponse.newBuilder()
                .setQuote(toProto(quote))
                .setKind(
                        snapshot
                                ? PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT
                                : PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE)
                .setSequenceNumber(update.sequenceNumber())
                .setEventTime(InstantProtos.toProto(update.eventTime()))
                .setServerIncarnation(snapshot ? incarnation : 0)
                .build();
    }
}
