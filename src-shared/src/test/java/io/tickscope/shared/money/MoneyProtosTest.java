package io.tickscope.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.type.Money;
import org.junit.jupiter.api.Test;

class MoneyProtosTest {

    @Test
    void amountsRoundTripThroughUnitsAndNanos() {
        Amount euros = Amount.of("EUR", "1234.56");
        Amount yen = Amount.of("JPY", "1980");
        Amount refund = Amount.of("USD", "-0.25");

        Money proto = MoneyProtos.toProto(euros);

        assertThat(proto.getUnits()).isEqualTo(1234);
        assertThat(proto.getNanos()).isEqualTo(560_000_000);
        assertThat(MoneyProtos.fromProto(proto)).isEqualTo(euros);
        assertThat(MoneyProtos.fromProto(MoneyProtos.toProto(yen))).isEqualTo(yen);
        assertThat(MoneyProtos.toProto(refund).getNanos()).isEqualTo(-250_000_000);
        assertThat(MoneyProtos.fromProto(MoneyProtos.toProto(refund))).isEqualTo(refund);
    }

    @Test
    void finerPrecisionThanTheMinorUnitIsRejected() {
        Money tenthOfACent = Money.newBuilder()
                .setCurrencyCode("USD")
                .setUnits(1)
                .setNanos(1_000_000)
                .build();

        assertThatThrownBy(() -> MoneyProtos.fromProto(tenthOfACent))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount: 1.001 USD (expected: at most 2 decimal places)");
    }

    @Test
    void amountsBeyondWhatMinorUnitsHoldAreRejected() {
        Money tooMany = Money.newBuilder()
                .setCurrencyCode("USD")
                .setUnits(Long.MAX_VALUE)
                .setNanos(990_000_000)
                .build();

        assertThatThrownBy(() -> MoneyProtos.fromProto(tooMany))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("amount: 9223372036854775807.99 USD"
                        + " (expected: -92233720368547758.08 to 92233720368547758.07)");
    }

    @Test
    void nanosOfTheOtherSignAreRejected() {
        Money mixed = Money.newBuilder()
                .setCurrencyCode("USD")
                .setUnits(1)
                .setNanos(-500_000_000)
                .build();

        assertThatThrownBy(() -> MoneyProtos.fromProto(mixed))
                .hasMessage("nanos: -500000000 (expected: the same sign as units, 1)");
    }

    @Test
    void unknownCurrencyIsRejectedWithAnExample() {
        Money bogus = Money.newBuilder().setCurrencyCode("XYZ").setUnits(1).build();

        assertThatThrownBy(() -> MoneyProtos.fromProto(bogus))
                .hasMessageContaining("\"XYZ\"")
                .hasMessageContaining("ISO 4217");
    }

    @Test
    void discountsRoundHalfEvenToTheMinorUnit() {
        assertThat(Amount.of("USD", "10.05").discountedBy(5_000)).isEqualTo(Amount.of("USD", "5.02"));
        assertThat(Amount.of("USD", "10.15").discountedBy(5_000)).isEqualTo(Amount.of("USD", "5.08"));
        assertThat(Amount.of("JPY", "1999").discountedBy(1_000)).isEqualTo(Amount.of("JPY", "1799"));
    }
}
