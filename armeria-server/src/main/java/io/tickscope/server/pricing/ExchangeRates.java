package io.tickscope.server.pricing;

import io.tickscope.shared.money.Amount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.Set;

/** Exchange rates between the currencies prices are quoted in, each given as units per US dollar. */
public final class ExchangeRates {

    private final Map<Currency, BigDecimal> unitsPerUsd;

    private ExchangeRates(Map<Currency, BigDecimal> unitsPerUsd) {
        this.unitsPerUsd = unitsPerUsd;
    }

    /** Returns the rates in {@code unitsPerUsd}: how many units of each currency one US dollar buys. */
    public static ExchangeRates of(Map<Currency, BigDecimal> unitsPerUsd) {
        unitsPerUsd.forEach((currency, rate) -> {
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("rate of " + currency + ": " + rate + " (expected: > 0)");
            }
        });
        return new ExchangeRates(Map.copyOf(unitsPerUsd));
    }

    /** Returns the currencies prices can be quoted in. */
    public Set<Currency> currencies() {
        return unitsPerUsd.keySet();
    }

    /** Returns whether prices can be quoted in {@code currency}. */
    public boolean supports(Currency currency) {
        return unitsPerUsd.containsKey(currency);
    }

    /**
     * Returns {@code amount} in {@code target}: the exact value rounded once, half-even, to the target's
     * minor unit.
     *
     * @throws IllegalArgumentException when either currency has no rate
     */
    public Amount convert(Amount amount, Currency target) {
        if (amount.currency().equals(target)) {
            return amount;
        }
        // Multiplying before dividing to the target scale rounds once, so no intermediate precision is lost.
        BigDecimal value = amount.toBigDecimal()
                .multiply(rateOf(target))
                .divide(rateOf(amount.currency()), target.getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
        return Amount.of(target, value);
    }

    /**
     * Returns how many units of {@code currency} one US dollar buys.
     *
     * @throws IllegalArgumentException when {@code currency} has no rate
     */
    BigDecimal rateOf(Currency currency) {
        BigDecimal rate = unitsPerUsd.get(currency);
        if (rate == null) {
            throw new IllegalArgumentException(
                    "currency: " + currency + " (expected: one of " + unitsPerUsd.keySet() + ')');
        }
        return rate;
    }
}
