package io.tickscope.server.testing;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import java.io.IOException;
import java.util.UUID;

/**
 * Cluster names for tests on a NATS server, each test its own, and their removal: the price stream and lease
 * bucket a cluster created ({@code TICKSCOPE_PRICES_NAME}, {@code KV_TICKSCOPE_LEASES_NAME}).
 */
public final class NatsClusters {

    /** The machine's NATS with JetStream, which CI starts before the tests. */
    public static final String SHARED_NATS = "nats://127.0.0.1:4222";

    private NatsClusters() {}

    /** Returns a cluster name no other test uses. */
    public static String uniqueName() {
        return "test-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Deletes the price stream and lease bucket of cluster {@code clusterName} on {@code natsUrl}, if present. */
    public static void delete(String natsUrl, String clusterName) {
        Connection connection;
        try {
            connection = Nats.connect(natsUrl);
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean up cluster " + clusterName + " on " + natsUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cleaning up cluster " + clusterName, e);
        }
        try {
            JetStreamManagement management = connection.jetStreamManagement();
            for (String stream :
                    new String[] {"TICKSCOPE_PRICES_" + clusterName, "KV_TICKSCOPE_LEASES_" + clusterName}) {
                try {
                    management.deleteStream(stream);
                } catch (JetStreamApiException absent) {
                    // Never created: nothing to delete.
                }
            }
            connection.close();
        } catch (IOException e) {
            throw new IllegalStateException("cannot clean up cluster " + clusterName + " on " + natsUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cleaning up cluster " + clusterName, e);
        }
    }
}
