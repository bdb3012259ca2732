package io.tickscope.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterEnginesTest {

    @Test
    void aScenariosDatabaseLivesOnTheSameServerWithTheSameParameters() {
        ClusterEngines engines = new ClusterEngines(
                "nats://127.0.0.1:4222", "jdbc:postgresql://db.example:6543/postgres?user=bench&ssl=false");

        assertThat(engines.databaseUrl("bench_lag_1x2"))
                .isEqualTo("jdbc:postgresql://db.example:6543/bench_lag_1x2?user=bench&ssl=false");
    }

    @Test
    void aUrlWithoutParametersKeepsNone() {
        ClusterEngines engines =
                new ClusterEngines("nats://127.0.0.1:4222", "jdbc:postgresql://127.0.0.1:5432/postgres");

        assertThat(engines.databaseUrl("bench_x")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/bench_x");
    }

    @Test
    void aUrlOfAnotherEngineIsRefusedWithWhatIsExpected() {
        assertThatThrownBy(() -> new ClusterEngines("nats://127.0.0.1:4222", "jdbc:sqlite:/tmp/x.db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected: jdbc:postgresql://HOST:PORT/DATABASE?user=NAME");
    }
}
