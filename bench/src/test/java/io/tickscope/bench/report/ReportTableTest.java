package io.tickscope.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTableTest {

    private final Report report = new Report(
            ConditionsTest.sample(),
            List.of(
                    new Measurement("Latency", "gRPC: p50", 123.456, Units.MICROS),
                    new Measurement("Throughput", "gRPC: calls/s", 31_234.5, Units.CALLS_PER_SECOND),
                    new Measurement("Latency", "REST: p50", 250, Units.MICROS)),
            List.of(
                    Target.ratio("3", "unary p50, gRPC / REST", 0.4938, Comparison.AT_MOST, 0.5),
                    new Target("7", "push", 240_000, Comparison.AT_LEAST, 500_000, Units.UPDATES_PER_SECOND)),
            List.of("WatchPrices fan-out: java.lang.IllegalStateException: fan-out: a watch ended early"));

    @Test
    void showsEachSectionOnceWithItsRowsTogether() {
        String table = ReportTable.render(report);

        assertThat(table).containsOnlyOnce("\nLatency\n");
        assertThat(table.indexOf("REST: p50")).isLessThan(table.indexOf("\nThroughput\n"));
        assertThat(table).contains("123 us").contains("31,235 calls/s");
    }

    @Test
    void marksEachTargetMetOrNot() {
        String table = ReportTable.render(report);

        assertThat(table).contains("Targets: 1 of 2 met");
        assertThat(table)
                .containsPattern("3 +unary p50, gRPC / REST +0\\.494 +0\\.494 +0\\.494 +<= 0\\.500 ratio +met");
        assertThat(table).containsPattern("7 +push +240,000 +240,000 +240,000 +>= 500,000 updates/s +NOT MET");
    }

    @Test
    void listsTheScenariosThatFailed() {
        assertThat(ReportTable.render(report))
                .contains("Failed scenarios (their figures and targets are missing):\n"
                        + "  WatchPrices fan-out: java.lang.IllegalStateException: fan-out: a watch ended early");
        assertThat(ReportJson.toTree(report).get("failures")).hasSize(1);
    }

    @Test
    void recordsTheConditions() {
        assertThat(ReportTable.render(report))
                .contains("Intel(R) Xeon(R) Processor, 2 processors, allowed CPUs 0-1")
                .contains("flags -Xms2g -Xmx2g");
    }

    @Test
    void jsonCarriesTheSameFiguresAndVerdicts() {
        var json = ReportJson.toTree(report);

        assertThat(json.get("conditions").get("cpusAllowed").asText()).isEqualTo("0-1");
        assertThat(json.get("measurements").get(1).get("value").asDouble()).isEqualTo(31_234.5);
        assertThat(json.get("targets").get(0).get("met").asBoolean()).isTrue();
        assertThat(json.get("targets").get(1).get("met").asBoolean()).isFalse();
        assertThat(json.get("targetsMet").asLong()).isEqualTo(1);
    }
}
