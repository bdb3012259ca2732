package io.tickscope.server.cluster;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.tickscope.server.pricing.PriceUpdate;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a cluster's price stream from now on, as a third party: every stored change in stream order with the
 * source that wrote it, whatever the replicas make of it.
 */
final class PriceStreamRecorder implements AutoCloseable {

    /** One stored change: its product, sequence number, origin and source (replica, and term for the market). */
    record Entry(String productId, long sequenceNumber, String origin, String source) {}

    private final Connection connection;
    private final List<Entry> entries = new ArrayList<>();

    PriceStreamRecorder(String natsUrl, ClusterSettings cluster) throws IOException, InterruptedException {
        connection = Nats.connect(natsUrl);
        Dispatcher dispatcher = connection.createDispatcher();
        try {
            connection
                    .jetStream()
                    .subscribe(
                            cluster.priceSubjectPrefix() + ">",
                            dispatcher,
                            message -> {
                                PriceUpdate update = PriceMessages.decode(message.getData());
                                Entry entry = new Entry(
                                        update.productId(),
                                        update.sequenceNumber(),
                                        message.getHeaders().getFirst(JetStreamPriceJournal.ORIGIN_HEADER),
                                        message.getHeaders().getFirst(JetStreamPriceJournal.SOURCE_HEADER));
                                synchronized (entries) {
                                    entries.add(entry);
                                }
                            },
                            false,
                            PushSubscribeOptions.builder().stream(cluster.priceStream())
                                    .ordered(true)
                                    .configuration(ConsumerConfiguration.builder()
                                            .deliverPolicy(DeliverPolicy.New)
                                            .build())
                                    .build());
        } catch (JetStreamApiException e) {
            connection.close();
            throw new IOException(e);
        }
    }

    List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
