package io.tickscope.server.faults;

import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/** Keyed ratings for the upload fault tests, and what the store must hold for them. */
final class RatingPlan {

    private RatingPlan() {}

    /**
     * Returns {@code count} ratings of distinct (user, book) pairs of the seeded catalogue, drawn from {@code random},
     * keyed {@code keyPrefix0}, {@code keyPrefix1}...: each key names its own row of the ratings table.
     */
    static List<UploadBookRatingsRequest> distinct(Random random, int count, String keyPrefix) {
        Set<List<String>> pairs = new LinkedHashSet<>();
        while (pairs.size() < count) {
            pairs.add(List.of(
                    String.format("U%04d", 1 + random.nextInt(1_000)),
                    String.format("B%04d", 1 + random.nextInt(2_000))));
        }
        List<UploadBookRatingsRequest> plan = new ArrayList<>(pairs.size());
        for (List<String> pair : pairs) {
            plan.add(UploadBookRatingsRequest.newBuilder()
                    .setUserId(pair.get(0))
                    .setBookId(pair.get(1))
                    .setRating(1 + random.nextInt(5))
                    .setIdempotencyKey(keyPrefix + plan.size())
                    .build());
        }
        return plan;
    }

    /** Returns each rating's key with its row as the key table holds it: {@code user/book/stars}. */
    static Map<String, String> keyRowsOf(List<UploadBookRatingsRequest> ratings) {
        return ratings.stream()
                .collect(Collectors.toMap(
                        UploadBookRatingsRequest::getIdempotencyKey,
                        rating -> rating.getUserId() + "/" + rating.getBookId() + "/" + rating.getRating()));
    }
}
