package io.tickscope.server.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickscope.server.error.FieldViolation;
import io.tickscope.server.error.InvalidArgumentException;
import io.tickscope.server.error.NotFoundException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RecommendationSessionTest {

    private final Catalogue catalogue = Catalogue.load(SampleShelf.newStore());
    private final Recommender recommender = new Recommender(catalogue);

    @Test
    void startsWithTheRecommendationsOfTheStoredProfile() {
        RecommendationSession session = new RecommendationSession(
                recommender, catalogue, TasteProfile.ofRatings(Map.of("B01", 5), catalogue), null, 3);

        assertThat(ids(session.current())).containsExactly("B03", "B02", "B04");
        assertThat(session.actionsApplied()).isZero();
    }

    @Test
    void answersWithNewRecommendationsWhenAnActionChangesThem() {
        RecommendationSession session = open(null, 3);

        List<Recommendation> liked =
                session.apply(new UserAction("B07", UserActionType.LIKED, 0)).orElseThrow();

        assertThat(ids(liked)).containsExactly("B07", "B02", "B01");
        assertThat(session.current()).isEqualTo(liked);
        assertThat(session.actionsApplied()).isEqualTo(1);
    }

    @Test
    void answersNothingWhenAnActionLeavesTheRecommendationsAsTheyWere() {
        RecommendationSession session = open(BookCategory.HISTORY, 2);
        List<Recommendation> before = session.current();

        // Boris Vale writes no history, and the fiction shelf is not on show.
        assertThat(session.apply(new UserAction("B07", UserActionType.VIEWED, 0)))
                .isEmpty();
        assertThat(session.current()).isSameAs(before);
        assertThat(session.actionsApplied()).isEqualTo(1);
    }

    @Test
    void repeatingALikeChangesNothing() {
        RecommendationSession session = open(null, 3);
        assertThat(session.apply(new UserAction("B07", UserActionType.LIKED, 0)))
                .isPresent();

        assertThat(session.apply(new UserAction("B07", UserActionType.LIKED, 0)))
                .isEmpty();
        assertThat(session.actionsApplied()).isEqualTo(2);
    }

    @Test
    void dismissedAndCartedBooksLeaveTheRecommendations() {
        RecommendationSession session = open(null, 3);

        assertThat(session.apply(new UserAction("B01", UserActionType.DISMISSED, 0)))
                .hasValueSatisfying(
                        recommendations -> assertThat(ids(recommendations)).containsExactly("B04", "B02", "B05"));
        assertThat(session.apply(new UserAction("B04", UserActionType.ADDED_TO_CART, 0)))
                .hasValueSatisfying(
                        recommendations -> assertThat(ids(recommendations)).containsExactly("B05", "B02", "B08"));
    }

    @Test
    void ratedBooksLeaveTheRecommendationsAndMoveTheirAuthors() {
        RecommendationSession session = open(BookCategory.SCIENCE, 3);

        assertThat(session.apply(new UserAction("B02", UserActionType.RATED, 1)))
                .hasValueSatisfying(
                        recommendations -> assertThat(ids(recommendations)).containsExactly("B01", "B03"));
    }

    @Test
    void rejectsAnUnspecifiedActionTypeAndAnEmptyBookId() {
        RecommendationSession session = open(null, 3);

        assertThatThrownBy(() -> session.apply(new UserAction("", UserActionType.UNSPECIFIED, 0)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, error -> assertThat(error.violations())
                        .containsExactly(
                                new FieldViolation(
                                        "action.type",
                                        "UNSPECIFIED (expected: VIEWED, LIKED, RATED, ADDED_TO_CART or DISMISSED)"),
                                new FieldViolation(
                                        "action.book_id", "\"\" (expected: a book id, for example \"B0042\")")));
        assertThat(session.actionsApplied()).isZero();
    }

    @Test
    void rejectsARatingWithoutOneToFiveStars() {
        RecommendationSession session = open(null, 3);

        assertThatThrownBy(() -> session.apply(new UserAction("B01", UserActionType.RATED, 0)))
                .isInstanceOfSatisfying(InvalidArgumentException.class, error -> assertThat(error.violations())
                        .containsExactly(new FieldViolation("action.rating", "0 (expected: 1 to 5 stars to rate)")));
        assertThat(session.actionsApplied()).isZero();
        assertThat(ids(session.current())).containsExactly("B01", "B04", "B02");
    }

    @Test
    void ignoresStarsOfActionsOtherThanRatings() {
        RecommendationSession session = open(null, 3);

        assertThat(session.apply(new UserAction("B07", UserActionType.LIKED, 9)))
                .isPresent();
    }

    @Test
    void unknownBookIsNotFoundAndChangesNothing() {
        RecommendationSession session = open(null, 3);

        assertThatThrownBy(() -> session.apply(new UserAction("B99", UserActionType.LIKED, 0)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("book not found: \"B99\"");
        assertThat(session.actionsApplied()).isZero();
    }

    private RecommendationSession open(@Nullable BookCategory category, int maxResults) {
        return new RecommendationSession(recommender, catalogue, TasteProfile.empty(), category, maxResults);
    }

    private static List<String> ids(List<Recommendation> recommendations) {
        return recommendations.stream()
                .map(recommendation -> recommendation.book().bookId())
                .toList();
    }
}
