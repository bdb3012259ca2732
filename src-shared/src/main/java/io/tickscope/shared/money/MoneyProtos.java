package io.tickscope.shared.money;

import com.google.type.Money;
import java.math.BigDecimal;
import java.util.Currency;

/** Converts between {@link Amount} and the contract's {@code google.type.Money}. */
public final class MoneyProtos {

    private static final int NANOS_PER_UNIT = 1_000_000_000;

    private MoneyProtos() {}

    /** Returns {@code amount} as a {@code google.type.Money} with units and nanos of the same sign. */
    public static Money toProto(Amount amount) {
        BigDecimal value = amount.toBigDecimal();
        long units = value.longValue();
        int nanos = value.subtract(BigDecimal.valueOf(units)).movePointRight(9).intValueExact();
        return Money.newBuilder()
                .setCurrencyCode(amount.currency().getCurrencyCode())
                .setUnits(units)
                .setNanos(nanos)
                .build();
    }

    /**
     * Returns {@code money} as an {@link Amount}.
     *
     * @throws IllegalArgumentException naming the bad part when the currency is not an ISO 4217 code, the
     *     nanos are out of range or of the other sign than the units, or the value has finer precision than
     *     the currency's minor unit
     */
    public static Amount fromProto(Money money) {
        Currency currency = CurrencyCodes.parse(money.getCurrencyCode());
        int nanos = money.getNanos();
        long units = money.getUnits();
        if (nanos <= -NANOS_PER_UNIT || nanos >= NANOS_PER_UNIT) {
            throw new IllegalArgumentException("nanos: " + nanos + " (expected: -999,999,999 to +999,999,999)");
        }
        if ((units > 0 && nanos < 0) || (units < 0 && nanos > 0)) {
            throw new IllegalArgumentException(
                    "nanos: " + nanos + " (expected: the same sign as units, " + units + ')');
        }
        BigDecimal value = BigDecimal.valueOf(units).add(BigDecimal.valueOf(nanos, 9));
        int digits = currency.getDefaultFractionDigits();
        if (value.stripTrailingZeros().scale() > digits) {
            throw new IllegalArgumentException(
                    "amount: " + value.stripTrailingZeros().toPlainString() + ' ' + currency.getCurrencyCode()
                            + " (expected: at most " + digits + " decimal places)");
        }
        return Amount.of(currency, value);
    }
}
