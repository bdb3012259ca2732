package io.tickscope.server.grpc;

import com.google.type.Money;

/** Builds {@code google.type.Money} values for requests in tests. */
final class PricingServiceTestMoney {

    private PricingServiceTestMoney() {}

    static Money of(String currencyCode, long units) {
        return Money.newBuilder().setCurrencyCode(currencyCode).setUnits(units).build();
    }
}
