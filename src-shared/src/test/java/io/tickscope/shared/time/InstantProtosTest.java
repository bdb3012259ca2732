package io.tickscope.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantProtosTest {

    @Test
    void instantSurvivesTheRoundTripToTheNanosecond() {
        Instant instant = Instant.parse("2026-11-22T08:15:30.123456789Z");

        Timestamp timestamp = InstantProtos.toProto(instant);

        assertThat(timestamp.getSeconds()).isEqualTo(instant.getEpochSecond());
        assertThat(timestamp.getNanos()).isEqualTo(123_456_789);
        assertThat(InstantProtos.fromProto(timestamp)).isEqualTo(instant);
    }

    @Test
    void instantBeforeTheEpochKeepsItsNanosPositive() {
        Instant instant = Instant.parse("1969-12-31T23:59:59.250Z");

        Timestamp timestamp = InstantProtos.toProto(instant);

        // google.protobuf.Timestamp counts nanos forward from the second, as Instant does.
        assertThat(timestamp.getSeconds()).isEqualTo(-1);
        assertThat(timestamp.getNanos()).isEqualTo(250_000_000);
        assertThat(InstantProtos.fromProto(timestamp)).isEqualTo(instant);
    }

    @Test
    void unsetTimestampIsTheEpoch() {
        assertThat(InstantProtos.fromProto(Timestamp.getDefaultInstance())).isEqualTo(Instant.EPOCH);
    }
}
