package io.tickscope.server.grpc;

import io.tickscope.api.recommendation.v1.Book;
import io.tickscope.api.recommendation.v1.BookCategory;
import io.tickscope.api.recommendation.v1.Recommendation;
import io.tickscope.api.recommendation.v1.UserActionType;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Maps books, categories, actions and recommendations between the contract and the domain. */
final class RecommendationMessages {

    /** Largest {@code max_results}; 0 stands for {@link #DEFAULT_MAX_RESULTS}. */
    static final int MAX_RESULTS_LIMIT = io.tickscope.server.recommendation.Recommender.MAX_RESULTS_LIMIT;

    static final int DEFAULT_MAX_RESULTS = 10;

    private RecommendationMessages() {}

    /** Returns the category filter, null for "every category"; records a violation for unknown values. */
    static io.tickscope.server.recommendation.@Nullable BookCategory categoryFromProto(
            int value, RequestViolations violations, String field) {
        BookCategory category = BookCategory.forNumber(value);
        if (category == null) {
            violations.add(field, value + " (expected: a BookCategory such as BOOK_CATEGORY_SCIENCE)");
            return null;
        }
        if (category == BookCategory.BOOK_CATEGORY_UNSPECIFIED) {
            return null;
        }
        return io.tickscope.server.recommendation.BookCategory.valueOf(
                category.name().substring("BOOK_CATEGORY_".length()));
    }

    /** Returns {@code maxResults}, 10 when 0; records a violation outside 0 to 100. */
    static int maxResultsFromProto(int maxResults, RequestViolations violations, String field) {
        if (maxResults == 0) {
            return DEFAULT_MAX_RESULTS;
        }
        if (maxResults < 0 || maxResults > MAX_RESULTS_LIMIT) {
            violations.add(field, maxResults + " (expected: 1 to " + MAX_RESULTS_LIMIT + ", or 0 for 10)");
            return DEFAULT_MAX_RESULTS;
        }
        return maxResults;
    }

    static io.tickscope.server.recommendation.UserActionType actionTypeFromProto(UserActionType type) {
        if (type == UserActionType.UNRECOGNIZED) {
            return io.tickscope.server.recommendation.UserActionType.UNSPECIFIED;
        }
        return io.tickscope.server.recommendation.UserActionType.valueOf(
                type.name().substring("USER_ACTION_TYPE_".length()));
    }

    static Book toProto(io.tickscope.server.recommendation.Book book) {
        return Book.newBuilder()
                .setBookId(book.bookId())
                .setTitle(book.title())
                .setAuthor(book.author())
                .setCategory(
                        BookCategory.valueOf("BOOK_CATEGORY_" + book.category().name()))
                .setAverageRating(book.averageRating())
                .setRatingCount(book.ratingCount())
                .setDescription(book.description())
                .build();
    }

    static List<Recommendation> toProto(List<io.tickscope.server.recommendation.Recommendation> recommendations) {
        return recommendations.stream()
                .map(recommendation -> Recommendation.newBuilder()
                        .setBook(toProto(recommendation.book()))
                        .setScore(recommendation.score())
                        .setReason(recommendation.reason())
                        .build())
                .toList();
    }
}
