package io.tickscope.shared.money;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Currency;

/**
 * An exact amount of money: a whole number of the currency's minor units (cents for USD, yen for JPY).
 *
 * <p>Prices are never binary doubles; arithmetic that can produce fractions of a minor unit goes through
 * {@link BigDecimal} and rounds half-even, as accounting does.
 */
public record Amount(Currency currency, long minorUnits) implements Comparable<Amount> {

    /**
     * Orders amounts of any currencies: by currency code, then by value within a currency. For a column that
     * can hold several currencies (an alert log kept while the shown currency changed), where {@link
     * #compareTo} would refuse the first pair that differs.
     */
    public static final Comparator<Amount> ACROSS_CURRENCIES = Comparator.comparing(
                    (Amount amount) -> amount.currency().getCurrencyCode())
            .thenComparingLong(Amount::minorUnits);

    public Amount {
        requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(
                    "currency: " + currency + " (expected: a currency with minor units, such as USD or EUR)");
        }
    }

    /** Returns the amount written as a decimal, for example {@code of("EUR", "12.34")}. */
    public static Amount of(String currencyCode, String decimal) {
        return of(Currency.getInstance(currencyCode), new BigDecimal(decimal));
    }

    /**
     * Returns {@code value} in {@code currency}, rounded half-even to the currency's minor unit.
     *
     * @throws IllegalArgumentException when the currency has no minor unit, or the value has more minor units
     *     than a {@code long} holds
     */
    public static Amount of(Currency currency, BigDecimal value) {
        int digits = currency.getDefaultFractionDigits();
        BigDecimal minorUnits = value.setScale(digits, RoundingMode.HALF_EVEN);
        if (minorUnits.unscaledValue().bitLength() > Long.SIZE - 1) {
            throw new IllegalArgumentException(
                    "amount: " + minorUnits.toPlainString() + ' ' + currency.getCurrencyCode()
                            + " (expected: "
                            + BigDecimal.valueOf(Long.MIN_VALUE, digits).toPlainString() + " to "
                            + BigDecimal.valueOf(Long.MAX_VALUE, digits).toPlainString() + ')');
        }
        return new Amount(currency, minorUnits.unscaledValue().longValueExact());
    }

    /** Returns the amount as a decimal with the currency's number of fraction digits. */
    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    /** Returns this amount less {@code basisPoints} hundredths of a percent, rounded half-even. */
    public Amount discountedBy(int basisPoints) {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("basisPoints: " + basisPoints + " (expected: 0 to 10000)");
        }
        if (basisPoints == 0) {
            return this;
        }
        BigDecimal factor = BigDecimal.valueOf(10_000L - basisPoints, 4);
        return of(currency, toBigDecimal().multiply(factor));
    }

    /** Returns whether the amount is more than zero. */
    public boolean isPositive() {
        return minorUnits > 0;
    }

    @Override
    public int compareTo(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "currency: " + other.currency + " (expected: " + currency + " to compare amounts)");
        }
        return Long.compare(minorUnits, other.minorUnits);
    }

    @Override
    public String toString() {
        return toBigDecimal().toPlainString() + ' ' + currency.getCurrencyCode();
    }
}
