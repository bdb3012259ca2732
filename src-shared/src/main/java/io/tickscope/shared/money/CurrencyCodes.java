package io.tickscope.shared.money;

import java.util.Currency;
import java.util.regex.Pattern;

/** Parses ISO 4217 currency codes with messages a person can act on. */
public final class CurrencyCodes {

    private static final Pattern THREE_UPPER_CASE_LETTERS = Pattern.compile("[A-Z]{3}");

    private CurrencyCodes() {}

    /**
     * Returns the currency with ISO 4217 code {@code code}.
     *
     * @throws IllegalArgumentException when {@code code} is not an ISO 4217 code
     */
    public static Currency parse(String code) {
        if (THREE_UPPER_CASE_LETTERS.matcher(code).matches()) {
            try {
                return Currency.getInstance(code);
            } catch (IllegalArgumentException unknown) {
                // Three letters but no such currency: reported below with the same message.
            }
        }
        throw new IllegalArgumentException(
                "currency_code: \"" + code + "\" (expected: an ISO 4217 code such as USD, EUR or GBP)");
    }
}
