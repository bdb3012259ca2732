package io.tickscope.interop;

import io.grpc.testing.integration.TestCases;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Which of the official client's test cases apply to a server on loopback, and why the others do not. */
final class InteropCases {

    private static final String CLOUD_CREDENTIALS =
            "needs Google Cloud credentials (a service account, a compute engine metadata server or an OAuth token)";

    /** The cases left out, each with its reason: only cloud credentials and a caching proxy. */
    static final Map<String, String> EXCLUDED = Map.of(
            "cacheable_unary",
                    "needs a caching proxy in front of the server (the GET request is answered by the cache)",
            "compute_engine_creds", CLOUD_CREDENTIALS,
            "compute_engine_channel_credentials", CLOUD_CREDENTIALS,
            "service_account_creds", CLOUD_CREDENTIALS,
            "jwt_token_creds", CLOUD_CREDENTIALS,
            "oauth2_auth_token", CLOUD_CREDENTIALS,
            "per_rpc_creds", CLOUD_CREDENTIALS,
            "google_default_credentials", CLOUD_CREDENTIALS);

    /**
     * The ORCA cases read load reports through a test load-balancing policy the client registers; the interop
     * runner selects it with this service config, as grpc's own run_interop_tests does.
     */
    private static final String ORCA_SERVICE_CONFIG =
            "--service_config_json={\"loadBalancingConfig\": [{\"test_backend_metrics_load_balancer\": {}}]}";

    private InteropCases() {}

    /**
     * The soak cases fail any iteration slower than 1 s by default; the first one includes a cold client's class
     * loading and JIT on this 2-core machine, so they get 5 s. Every iteration must still succeed.
     */
    private static final String SOAK_LATENCY = "--soak_per_iteration_max_acceptable_latency_ms=5000";

    /** Returns the flags {@code testCase} needs beside the server's address and the transport. */
    static List<String> flagsOf(String testCase) {
        if (testCase.startsWith("orca_")) {
            return List.of(ORCA_SERVICE_CONFIG);
        }
        return testCase.endsWith("_soak") ? List.of(SOAK_LATENCY) : List.of();
    }

    /** Every case the client of this grpc-java version knows, by its command-line name. */
    static List<String> all() {
        return Arrays.stream(TestCases.values())
                .map(testCase -> testCase.name().toLowerCase(Locale.ROOT))
                .toList();
    }

    static List<String> applicable() {
        return all().stream().filter(name -> !EXCLUDED.containsKey(name)).toList();
    }
}
