package io.tickscope.desktop.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RatesTest {

    private static final long SECOND = 1_000_000_000L;

    private final Rates<String> rates = new Rates<>();

    @Test
    void theFirstRateRunsFromTheGivenStart() {
        assertThat(rates.perSecond("call", 500, 0, 2 * SECOND)).isCloseTo(250, within(1e-9));
    }

    @Test
    void laterRatesRunFromThePreviousCount() {
        rates.perSecond("call", 500, 0, 2 * SECOND);

        assertThat(rates.perSecond("call", 800, 0, 2 * SECOND + SECOND / 2)).isCloseTo(600, within(1e-9));
    }

    @Test
    void noTimeElapsedMeansNoRate() {
        assertThat(rates.perSecond("method", 10, 5 * SECOND, 5 * SECOND)).isZero();
    }

    @Test
    void forgottenKeysStartAfresh() {
        rates.perSecond("gone", 1_000, 0, SECOND);
        rates.perSecond("kept", 1_000, 0, SECOND);

        rates.retainOnly(Set.of("kept"));

        assertThat(rates.perSecond("gone", 1_000, 0, 2 * SECOND)).isCloseTo(500, within(1e-9));
        assertThat(rates.perSecond("kept", 1_000, 0, 2 * SECOND)).isZero();
    }

    @Test
    void methodNamesLoseTheirPackage() {
        assertThat(MethodNames.shortName("tickscope.pricing.v1.PricingService/GetPrice"))
                .isEqualTo("PricingService/GetPrice");
        assertThat(MethodNames.shortName("grpc.health.v1.Health/Check")).isEqualTo("Health/Check");
    }
}
