package io.tickscope.desktop.ui;

import static java.util.Objects.requireNonNull;

import io.tickscope.shared.money.Amount;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes amounts the way people read prices: currency symbol, grouping and exactly the currency's minor
 * digits ({@code $1,234.50}, {@code ¥2,980}). Exact: formats the decimal, never a double. Not thread-safe;
 * one per UI thread.
 */
public final class MoneyFormat {

    private static final char MINUS = '\u2212';

    private final Locale locale;
    private final Map<Currency, NumberFormat> formats = new HashMap<>();

    public MoneyFormat(Locale locale) {
        this.locale = requireNonNull(locale, "locale");
    }

    /** Returns a format for the user's locale. */
    public static MoneyFormat forDefaultLocale() {
        return new MoneyFormat(Locale.getDefault(Locale.Category.FORMAT));
    }

    /** Returns {@code amount} with its currency symbol, for example {@code $1,234.50}. */
    public String format(Amount amount) {
        return formatOf(amount.currency()).format(amount.toBigDecimal());
    }

    /** Returns {@code amount} with an explicit sign: {@code +$0.42}, {@code −$0.42}, or {@code $0.00} for zero. */
    public String formatSigned(Amount amount) {
        long minorUnits = amount.minorUnits();
        String magnitude =
                formatOf(amount.currency()).format(amount.toBigDecimal().abs());
        if (minorUnits > 0) {
            return '+' + magnitude;
        }
        return minorUnits < 0 ? MINUS + magnitude : magnitude;
    }

    /** Returns {@code percent} with an explicit sign and two decimals, for example {@code +0.35%}. */
    public String formatSignedPercent(double percent) {
        String magnitude = String.format(locale, "%.2f%%", Math.abs(percent));
        if (magnitude.equals(String.format(locale, "%.2f%%", 0.0))) {
            return magnitude;
        }
        return (percent > 0 ? "+" : String.valueOf(MINUS)) + magnitude;
    }

    private NumberFormat formatOf(Currency currency) {
        return formats.computeIfAbsent(currency, key -> {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(key);
            // setCurrency keeps the locale's digits (two); yen and the like have none.
            format.setMinimumFractionDigits(key.getDefaultFractionDigits());
            format.setMaximumFractionDigits(key.getDefaultFractionDigits());
            return format;
        });
    }
}
