package io.tickscope.desktop.rpc;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.type.Money;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.MoneyProtos;
import org.junit.jupiter.api.Test;

class StreamedMoneyTest {

    @Test
    void readsWholeMinorUnitsAsTheSharedConversionDoes() {
        for (Money money : new Money[] {
            money("USD", 31, 990_000_000),
            money("USD", -2, -150_000_000),
            money("USD", 0, -10_000_000),
            money("EUR", 0, 0),
            money("JPY", 4_512, 0),
            money("GBP", 123_456_789_012L, 10_000_000),
        }) {
            // Twice: the first read caches the currency, the second takes the fast path.
            assertThat(StreamedMoney.fromProto(money)).isEqualTo(MoneyProtos.fromProto(money));
            assertThat(StreamedMoney.fromProto(money)).isEqualTo(MoneyProtos.fromProto(money));
        }
        assertThat(StreamedMoney.fromProto(money("USD", 31, 990_000_000))).isEqualTo(Amount.of("USD", "31.99"));
    }

    @Test
    void rejectsWhatTheSharedConversionRejectsWithItsWords() {
        StreamedMoney.fromProto(money("USD", 1, 0));
        for (Money bad : new Money[] {
            money("USD", 1, 5_000_000), // finer than a cent
            money("USD", 1, -10_000_000), // signs differ
            money("USD", 0, 1_000_000_000), // nanos out of range
            money("usd", 1, 0), // not an ISO code
        }) {
            String expected = catchMessage(bad);
            assertThatThrownBy(() -> StreamedMoney.fromProto(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expected);
        }
    }

    private static String catchMessage(Money bad) {
        try {
            MoneyProtos.fromProto(bad);
        } catch (IllegalArgumentException e) {
            return requireNonNull(e.getMessage(), "the refusal's message");
        }
        throw new AssertionError("accepted: " + bad);
    }

    private static Money money(String currency, long units, int nanos) {
        return Money.newBuilder()
                .setCurrencyCode(currency)
                .setUnits(units)
                .setNanos(nanos)
                .build();
    }
}
