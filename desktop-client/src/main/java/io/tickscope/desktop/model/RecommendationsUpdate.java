package io.tickscope.desktop.model;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A session's recommendations after a change.
 *
 * @param recommendations best first
 * @param actionsApplied how many of the session's actions the server had applied
 * @param generatedAt when the server computed them
 */
public record RecommendationsUpdate(List<RecommendedBook> recommendations, long actionsApplied, Instant generatedAt) {

    public RecommendationsUpdate {
        recommendations = List.copyOf(recommendations);
        requireNonNull(generatedAt, "generatedAt");
    }
}
