package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.CurrencyCodes;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;

/**
 * One price alert on one product. Above and below watch the list price cross {@code level} in {@code currency};
 * a move watches the price change by {@code level} percent, either way, within {@code window}. A one-shot alert
 * fires once and is then done; a repeating one fires on every new crossing.
 *
 * @param level a price in {@code currency}'s major units (above, below) or a percentage (move); positive
 * @param currency the quotes the alert reads: ticks in another currency leave it alone
 * @param window how far back a move is measured; zero for above and below
 */
public record AlertRule(
        String productId, AlertKind kind, BigDecimal level, Currency currency, Duration window, boolean repeating) {

    public AlertRule {
        requireNonNull(productId, "productId");
        requireNonNull(kind, "kind");
        requireNonNull(level, "level");
        requireNonNull(currency, "currency");
        requireNonNull(window, "window");
        if (level.signum() <= 0) {
            throw new IllegalArgumentException("level: " + level.toPlainString() + " (expected: > 0)");
        }
        if (kind == AlertKind.MOVE && (window.isNegative() || window.isZero())) {
            throw new IllegalArgumentException("window: " + window + " (expected: > 0 for a move)");
        }
        if (kind != AlertKind.MOVE) {
            window = Duration.ZERO;
        }
    }

    public static AlertRule above(String productId, Amount price, boolean repeating) {
        return new AlertRule(
                productId, AlertKind.ABOVE, price.toBigDecimal(), price.currency(), Duration.ZERO, repeating);
    }

    public static AlertRule below(String productId, Amount price, boolean repeating) {
        return new AlertRule(
                productId, AlertKind.BELOW, price.toBigDecimal(), price.currency(), Duration.ZERO, repeating);
    }

    public static AlertRule move(
            String productId, BigDecimal percent, Currency currency, Duration window, boolean repeating) {
        return new AlertRule(productId, AlertKind.MOVE, percent, currency, window, repeating);
    }

    /** The level as an amount of money, for above and below. */
    public Amount price() {
        return Amount.of(currency, level);
    }

    /** The condition in words, such as "above USD 12.50" or "moves 2 % within 60 s". */
    public String condition() {
        return kind == AlertKind.MOVE
                ? "moves " + level.stripTrailingZeros().toPlainString() + " % within " + window.toSeconds() + " s ("
                        + currency.getCurrencyCode() + ")"
                : kind.label() + " " + currency.getCurrencyCode() + " " + level.toPlainString();
    }

    public String mode() {
        return repeating ? "repeating" : "once";
    }

    /** One line for the settings file: {@code P00042 ABOVE USD 12.50 0 once}; {@link #parse} reads it back. */
    public String toText() {
        return String.join(
                " ",
                productId,
                kind.name(),
                currency.getCurrencyCode(),
                level.toPlainString(),
                Long.toString(window.toSeconds()),
                mode());
    }

    /** Reads what {@link #toText} wrote; throws IllegalArgumentException naming what does not parse. */
    public static AlertRule parse(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 6) {
            throw new IllegalArgumentException(
                    "alert \"" + text + "\" (expected: PRODUCT KIND CURRENCY LEVEL WINDOW_SECONDS once|repeating)");
        }
        return new AlertRule(
                parts[0],
                AlertKind.valueOf(parts[1].toUpperCase(Locale.ROOT)),
                new BigDecimal(parts[3]),
                CurrencyCodes.parse(parts[2]),
                Duration.ofSeconds(Long.parseLong(parts[4])),
                parts[5].equals("repeating"));
    }
}
