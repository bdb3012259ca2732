package io.tickscope.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void percentilesOfNanosecondsAreReportedInMicroseconds() {
        Histogram nanos = new Histogram(3);
        for (long micros = 1; micros <= 1_000; micros++) {
            nanos.recordValue(micros * 1_000);
        }

        LatencySummary summary = LatencySummary.ofNanos(nanos);

        assertThat(summary.count()).isEqualTo(1_000);
        assertThat(summary.p50Micros()).isCloseTo(500, within(1.0));
        assertThat(summary.p99Micros()).isCloseTo(990, within(1.0));
        assertThat(summary.p999Micros()).isCloseTo(999, within(1.0));
        assertThat(summary.maxMicros()).isCloseTo(1_000, within(1.0));
    }

    @Test
    void recorderStartsAfreshAfterAReset() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(5_000_000);
        recorder.reset();
        recorder.record(2_000);

        LatencySummary summary = recorder.summarizeAndReset();

        assertThat(summary.count()).isEqualTo(1);
        assertThat(summary.maxMicros()).isCloseTo(2, within(0.01));
        assertThat(recorder.summarizeAndReset().count()).isZero();
    }
}
