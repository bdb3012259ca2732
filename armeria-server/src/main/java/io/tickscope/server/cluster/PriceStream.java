package io.tickscope.server.cluster;

import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * The JetStream stream of a cluster's price changes: subjects {@code tickscope.CLUSTER.price.PRODUCT}, one per
 * product, and only the latest message of each ({@code max_msgs_per_subject: 1}), on disk.
 *
 * <p>The stream is the cluster's price state, not its history: a replica that starts replays one message per
 * product and is current; a longer history belongs to the store. Direct gets ({@code allow_direct}) let a
 * replica that lost a write race read one product's latest change from any server of a NATS cluster.
 */
final class PriceStream {

    /** JetStream's error code for a stream that does not exist. */
    private static final int STREAM_NOT_FOUND = 10059;
    /** JetStream's error code for a stream created meanwhile, by another replica, with another configuration. */
    private static final int STREAM_NAME_IN_USE = 10058;

    private PriceStream() {}

    /** Returns the cluster's price stream, created first if it does not exist. */
    static StreamInfo ensure(JetStreamManagement management, ClusterSettings settings)
            throws IOException, JetStreamApiException {
        try {
            return management.getStreamInfo(settings.priceStream());
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw e;
            }
        }
        StreamConfiguration configuration = StreamConfiguration.builder()
                .name(settings.priceStream())
                .description("Tickscope cluster \"" + settings.clusterName() + "\": the latest price of each product")
                .subjects(settings.priceSubjectPrefix() + ">")
                .storageType(StorageType.File)
                .retentionPolicy(RetentionPolicy.Limits)
                .maxMessagesPerSubject(1)
                .discardPolicy(DiscardPolicy.Old)
                .allowDirect(true)
                .build();
        try {
            return management.addStream(configuration);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_NAME_IN_USE) {
                throw e;
            }
            return management.getStreamInfo(settings.priceStream());
        }
    }

    /**
     * Returns the incarnation of the stream described by {@code info}: its creation time in nanoseconds since the
     * epoch, the same for every replica, new only when the stream (and with it every sequence number) is new.
     */
    static long incarnation(StreamInfo info) {
        ZonedDateTime created = info.getCreateTime();
        Instant instant = created.toInstant();
        long nanos = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        return Math.max(1, nanos);
    }
}
