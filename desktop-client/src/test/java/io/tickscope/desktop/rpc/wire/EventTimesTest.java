package io.tickscope.desktop.rpc.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import org.junit.jupiter.api.Test;

/**
 * The event time of a streamed message, from the app's generated messages and from the Explorer's dynamic ones
 * (whose Timestamp is a DynamicMessage too: casting it ended the Explorer's WatchPrices stream at the first
 * change, as "CANCELLED: Failed to read message").
 */
class EventTimesTest {

    private static final WatchPricesResponse CHANGE = WatchPricesResponse.newBuilder()
            .setKind(PriceUpdateKind.PRICE_UPDATE_KIND_CHANGE)
            .setEventTime(Timestamp.newBuilder().setSeconds(1_765_000_000L).setNanos(123))
            .build();

    private final EventTimes eventTimes = new EventTimes();

    @Test
    void aChangesEventTimeReadsTheSameFromGeneratedAndDynamicMessages() throws Exception {
        DynamicMessage dynamic = DynamicMessage.parseFrom(WatchPricesResponse.getDescriptor(), CHANGE.toByteString());

        assertThat(eventTimes.epochNanos(CHANGE)).isEqualTo(1_765_000_000_000_000_123L);
        assertThat(eventTimes.epochNanos(dynamic)).isEqualTo(1_765_000_000_000_000_123L);
    }

    @Test
    void aSnapshotHasNoEventTimeToMeasure() throws Exception {
        WatchPricesResponse snapshot = CHANGE.toBuilder()
                .setKind(PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT)
                .build();

        assertThat(eventTimes.epochNanos(snapshot)).isEqualTo(EventTimes.NONE);
        assertThat(eventTimes.epochNanos(
                        DynamicMessage.parseFrom(WatchPricesResponse.getDescriptor(), snapshot.toByteString())))
                .isEqualTo(EventTimes.NONE);
    }
}
