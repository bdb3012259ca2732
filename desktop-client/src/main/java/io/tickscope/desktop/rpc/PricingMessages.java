package io.tickscope.desktop.rpc;

import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.api.pricing.v1.GetPriceBarsResponse;
import io.tickscope.api.pricing.v1.MinorUnitPriceBar;
import io.tickscope.api.pricing.v1.PriceBarResolution;
import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceResult;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.desktop.model.PriceBar;
import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.model.Quote;
import io.tickscope.desktop.model.QuoteResult;
import io.tickscope.desktop.model.Segment;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.time.BarResolution;
import io.tickscope.shared.time.InstantProtos;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

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

    static PriceBarResolution toProto(BarResolution resolution) {
        return switch (resolution) {
            case ONE_SECOND -> PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_SECOND;
            case ONE_MINUTE -> PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_MINUTE;
            case FIVE_MINUTES -> PriceBarResolution.PRICE_BAR_RESOLUTION_FIVE_MINUTES;
            case ONE_HOUR -> PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_HOUR;
            case ONE_DAY -> PriceBarResolution.PRICE_BAR_RESOLUTION_ONE_DAY;
        };
    }

    /**
     * Returns the bars of a page in {@code PRICE_BAR_ENCODING_MINOR_UNITS}. A page whose currency counts its minor
     * units with other digits than this client's currency data fails, rather than show prices off by a power of
     * ten.
     */
    static List<PriceBar> barsFromProto(GetPriceBarsResponse page) {
        if (page.getMinorUnitBarsCount() == 0) {
            return List.of();
        }
        Currency currency = Currency.getInstance(page.getCurrencyCode());
        if (currency.getDefaultFractionDigits() != page.getMinorUnitDigits()) {
            throw new IllegalStateException("bars in " + currency + " with " + page.getMinorUnitDigits()
                    + " minor-unit digits (expected: " + currency.getDefaultFractionDigits() + ")");
        }
        List<PriceBar> bars = new ArrayList<>(page.getMinorUnitBarsCount());
        for (MinorUnitPriceBar bar : page.getMinorUnitBarsList()) {
            Instant start = Instant.ofEpochSecond(bar.getStartTimeSeconds());
            bars.add(new PriceBar(
                    start,
                    start.plusSeconds(page.getBucketSeconds()),
                    new Amount(currency, bar.getOpenMinorUnits()),
                    new Amount(currency, bar.getHighMinorUnits()),
                    new Amount(currency, bar.getLowMinorUnits()),
                    new Amount(currency, bar.getCloseMinorUnits()),
                    bar.getTickCount()));
        }
        return bars;
    }
}
