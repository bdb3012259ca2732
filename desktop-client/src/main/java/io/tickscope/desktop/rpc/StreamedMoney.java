package io.tickscope.desktop.rpc;

import com.google.type.Money;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.MoneyProtos;
import java.util.Currency;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the contract's money on the price stream's hot path: two amounts per tick, at up to a hundred
 * thousand ticks a second. Whole minor units (all the server ever sends) come out in a few long operations
 * and the currency from a small cache; anything else goes through {@link MoneyProtos#fromProto}, which
 * validates it and names what is wrong.
 */
final class StreamedMoney {

    /** Enough for every currency a server quotes in; past it, codes are parsed each time, never cached. */
    private static final int MAX_CACHED_CURRENCIES = 64;

    private static final int NANOS_PER_UNIT = 1_000_000_000;

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    private static final Map<String, Currency> CURRENCIES = new ConcurrentHashMap<>();

    private StreamedMoney() {}

    static Amount fromProto(Money money) {
        Currency currency = CURRENCIES.get(money.getCurrencyCode());
        long units = money.getUnits();
        int nanos = money.getNanos();
        if (currency == null
                || nanos <= -NANOS_PER_UNIT
                || nanos >= NANOS_PER_UNIT
                || (units > 0 && nanos < 0)
                || (units < 0 && nanos > 0)) {
            return parsedAndCached(money);
        }
        int digits = currency.getDefaultFractionDigits();
        long nanosPerMinorUnit = POWERS_OF_TEN[9 - digits];
        long mostUnits = Long.MAX_VALUE / POWERS_OF_TEN[digits] - 1;
        if (nanos % nanosPerMinorUnit != 0 || units > mostUnits || units < -mostUnits) {
            return MoneyProtos.fromProto(money);
        }
        return new Amount(currency, units * POWERS_OF_TEN[digits] + nanos / nanosPerMinorUnit);
    }

    private static Amount parsedAndCached(Money money) {
        Amount amount = MoneyProtos.fromProto(money); // Throws, naming the problem, for a bad amount.
        if (CURRENCIES.size() < MAX_CACHED_CURRENCIES) {
            CURRENCIES.putIfAbsent(money.getCurrencyCode(), amount.currency());
        }
        return amount;
    }
}
