package io.tickscope.server.grpc;

import com.google.protobuf.Timestamp;
import com.google.type.Money;
import io.tickscope.api.pricing.v1.GetPriceBarsResponse;
import io.tickscope.api.pricing.v1.MinorUnitPriceBar;
import io.tickscope.api.pricing.v1.PriceBar;
import io.tickscope.server.pricing.Nanos;
import io.tickscope.server.pricing.PriceHistory.QuotedBar;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.MoneyProtos;
import io.tickscope.shared.time.BarResolution;
import io.tickscope.shared.time.InstantProtos;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a page of quoted bars into a GetPriceBarsResponse, in either encoding. A year of minute bars is 525,600
 * bars, so both take care per bar: the Money encoding builds each distinct price's {@code Money} once per
 * page and shares it (protobuf memoizes a message's size, and the currency code is kept as UTF-8 bytes), and
 * shares the {@code Timestamp} that ends one bar and starts the next; the minor-unit encoding writes six
 * numbers per bar.
 */
final class PriceBarMessages {

    private PriceBarMessages() {}

    /** Adds {@code bars} to {@code response} as {@link PriceBar}s, four {@code Money} each. */
    static void addMoneyBars(GetPriceBarsResponse.Builder response, List<QuotedBar> bars) {
        Map<Amount, Money> monies = new HashMap<>();
        Timestamp previousEnd = Timestamp.getDefaultInstance();
        long previousEndNanos = Long.MIN_VALUE;
        for (QuotedBar bar : bars) {
            Timestamp start = bar.startNanos() == previousEndNanos ? previousEnd : timestamp(bar.startNanos());
            previousEnd = timestamp(bar.endNanos());
            previousEndNanos = bar.endNanos();
            response.addBars(PriceBar.newBuilder()
                    .setStartTime(start)
                    .setEndTime(previousEnd)
                    .setOpen(money(monies, bar.open()))
                    .setHigh(money(monies, bar.high()))
                    .setLow(money(monies, bar.low()))
                    .setClose(money(monies, bar.close()))
                    .setTickCount(bar.tickCount())
                    .build());
        }
    }

    /**
     * Adds {@code bars}, quoted in {@code currency}, to {@code response} as {@link MinorUnitPriceBar}s with the
     * currency, its minor unit and the bucket length once.
     */
    static void addMinorUnitBars(
            GetPriceBarsResponse.Builder response, List<QuotedBar> bars, Currency currency, BarResolution resolution) {
        response.setCurrencyCode(currency.getCurrencyCode())
                .setMinorUnitDigits(currency.getDefaultFractionDigits())
                .setBucketSeconds(resolution.nanos() / Nanos.PER_SECOND);
        for (QuotedBar bar : bars) {
            response.addMinorUnitBars(MinorUnitPriceBar.newBuilder()
                    .setStartTimeSeconds(Math.floorDiv(bar.startNanos(), Nanos.PER_SECOND))
                    .setOpenMinorUnits(bar.open().minorUnits())
                    .setHighMinorUnits(bar.high().minorUnits())
                    .setLowMinorUnits(bar.low().minorUnits())
                    .setCloseMinorUnits(bar.close().minorUnits())
                    .setTickCount(bar.tickCount())
                    .build());
        }
    }

    private static Timestamp timestamp(long nanos) {
        return InstantProtos.toProto(Nanos.toInstant(nanos));
    }

    private static Money money(Map<Amount, Money> monies, Amount amount) {
        return monies.computeIfAbsent(amount, PriceBarMessages::shareableMoney);
    }

    /** Returns {@code amount} as a Money whose currency code is already UTF-8, so each write copies bytes. */
    private static Money shareableMoney(Amount amount) {
        Money money = MoneyProtos.toProto(amount);
        money.getCurrencyCodeBytes();
        return money;
    }
}
