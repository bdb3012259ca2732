package io.tickscope.server.grpc;

import io.tickscope.shared.money.CurrencyCodes;
import java.util.Currency;

/** Reads the currency a request asks for; whether prices are quoted in it is the price book's question. */
final class Currencies {

    static final Currency DEFAULT = Currency.getInstance("USD");

    private Currencies() {}

    /** Returns the currency named by {@code code}, USD when empty; records a violation for a bad code. */
    static Currency parse(String code, RequestViolations violations, String field) {
        if (code.isEmpty()) {
            return DEFAULT;
        }
        try {
            return CurrencyCodes.parse(code);
        } catch (IllegalArgumentException e) {
            violations.add(field, '"' + code + "\" (expected: an ISO 4217 code such as USD, EUR or GBP)");
            return DEFAULT;
        }
    }
}
