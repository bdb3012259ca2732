package io.tickscope.server.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's share of the machine's NATS: a cluster name of its own, and everything the test opens for it
 * (replica processes, channels, databases, loads), closed in the reverse order of opening after the test; then
 * the cluster's stream and lease bucket are deleted. Register it with {@code @RegisterExtension}.
 */
public final class ClusterScope implements AfterEachCallback {

    private final String clusterName = NatsClusters.uniqueName();
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** The cluster name this test's replicas share, unique on the machine. */
    public String clusterName() {
        return clusterName;
    }

    /** Closes {@code resource} after the test, before whatever was added earlier; returns it. */
    public <T extends AutoCloseable> T add(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Closes each of {@code opened} after the test, the last first. */
    public void addAll(Collection<? extends AutoCloseable> opened) {
        resources.addAll(opened);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).close();
            }
        } finally {
            resources.clear();
            NatsClusters.delete(NatsClusters.SHARED_NATS, clusterName);
        }
    }
}
