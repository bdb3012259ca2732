package io.tickscope.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountTest {

    @Test
    void amountsOfOneCurrencyCompareByValue() {
        assertThat(Amount.of("EUR", "9.99")).isLessThan(Amount.of("EUR", "10.00"));
    }

    @Test
    void amountsOfTwoCurrenciesRefuseTheNaturalOrder() {
        assertThatThrownBy(() -> Amount.of("EUR", "1.00").compareTo(Amount.of("USD", "1.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USD");
    }

    @Test
    void mixedCurrenciesSortByCurrencyThenValue() {
        List<Amount> amounts = new ArrayList<>(List.of(
                Amount.of("USD", "2.00"), Amount.of("EUR", "30.00"), Amount.of("USD", "1.50"), Amount.of("JPY", "7")));

        amounts.sort(Amount.ACROSS_CURRENCIES);

        assertThat(amounts)
                .containsExactly(
                        Amount.of("EUR", "30.00"),
                        Amount.of("JPY", "7"),
                        Amount.of("USD", "1.50"),
                        Amount.of("USD", "2.00"));
    }
}
