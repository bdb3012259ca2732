package io.tickscope.server.cluster;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * How a replica joins its cluster.
 *
 * @param broker the NATS server, for example {@code nats://127.0.0.1:4222}; several, comma-separated, for a NATS
 *     cluster
 * @param clusterName names the cluster's stream, subjects and lease bucket, so that several clusters (and
 *     tests) share one NATS without meeting: letters, digits, '-' and '_'
 * @param replicaId names this replica in the market events it makes and the lease it holds
 */
public record ClusterSettings(String broker, String clusterName, String replicaId) {

    public static final String DEFAULT_CLUSTER_NAME = "default";

    /** What NATS accepts in a stream name, a subject token and a bucket name alike. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** What NATS accepts as one token of a subject. */
    private static final Pattern SUBJECT_TOKEN = Pattern.compile("[^.*>\\s]+");

    public ClusterSettings {
        requireNonNull(broker, "broker");
        requireNonNull(clusterName, "clusterName");
        requireNonNull(replicaId, "replicaId");
        for (String server : broker.split(",", -1)) {
            URI uri;
            try {
                uri = URI.create(server.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("broker: \"" + server + "\" (expected: nats://HOST:PORT)", e);
            }
            if (!"nats".equals(uri.getScheme()) && !"tls".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "broker: \"" + server + "\" (expected: nats://HOST:PORT or tls://HOST:PORT)");
            }
        }
        if (!NAME.matcher(clusterName).matches()) {
            throw new IllegalArgumentException(
                    "clusterName: \"" + clusterName + "\" (expected: 1 to 64 letters, digits, '-' or '_')");
        }
        if (replicaId.isBlank() || replicaId.length() > 200) {
            throw new IllegalArgumentException("replicaId: \"" + replicaId + "\" (expected: 1 to 200 characters)");
        }
    }

    /** Returns a replica id unique on this network: the host name and the process id. */
    public static String defaultReplicaId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    /** Returns the name of the JetStream stream of price changes. */
    String priceStream() {
        return "TICKSCOPE_PRICES_" + clusterName;
    }

    /** Returns the subject of product {@code productId}'s price changes. */
    String priceSubject(String productId) {
        if (!SUBJECT_TOKEN.matcher(productId).matches()) {
            throw new IllegalArgumentException("productId: \"" + productId
                    + "\" (expected: no '.', '*', '>' or white space, so that it can be a NATS subject token)");
        }
        return priceSubjectPrefix() + productId;
    }

    /** Returns the part of every price subject before the product id. */
    String priceSubjectPrefix() {
        return "tickscope." + clusterName + ".price.";
    }

    /** Returns the name of the key-value bucket of the cluster's leases. */
    String leaseBucket() {
        return "TICKSCOPE_LEASES_" + clusterName;
    }
}
