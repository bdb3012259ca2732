package io.tickscope.server.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    private static final Offset<Double> EXACT = within(1e-12);
    // The boosts of an affinity of 3 (one like): tanh(3 / 6) for the shelf, 1.5 times that for the author.
    private static final double SHELF_BOOST_OF_A_LIKE = Math.tanh(0.5);
    private static final double AUTHOR_BOOST_OF_A_LIKE = 1.5 * Math.tanh(0.5);

    private final Catalogue catalogue = Catalogue.load(SampleShelf.newStore());
    private final Recommender recommender = new Recommender(catalogue);
    private final TasteProfile profile = TasteProfile.empty();

    @Test
    void ranksByBayesianAverageSoThatOneFiveStarRatingDoesNotDominate() {
        List<Recommendation> recommendations = recommender.recommend(profile, null, 8);

        assertThat(ids(recommendations)).isEqualTo(SampleShelf.UNTOUCHED_ORDER);
        assertThat(scores(recommendations))
                .containsExactly(
                        new double[] {126.0 / 30, 76.0 / 20, 41.0 / 11, 52.0 / 14, 3.6, 3.6, 51.0 / 15, 2.5}, EXACT);
    }

    @Test
    void breaksTiesByBookId() {
        List<Recommendation> recommendations = recommender.recommend(profile, null, 6);

        assertThat(recommendations.get(4).score())
                .isEqualTo(recommendations.get(5).score());
        assertThat(ids(recommendations).subList(4, 6)).containsExactly("B05", "B08");
    }

    @Test
    void saysWhyFromTheBooksOwnRatingsWhenTasteIsUnknown() {
        assertThat(recommender.recommend(profile, null, 8))
                .extracting(Recommendation::reason)
                .containsExactly(
                        "Highly rated in Science: 4.5 stars from 20 ratings",
                        "Rated in History: 4.0 stars from 10 ratings",
                        "Rated in Science: 5.0 stars from 1 rating",
                        "Rated in Science: 4.0 stars from 4 ratings",
                        "New in History, not rated yet",
                        "New in Mystery, not rated yet",
                        "Rated in Fiction: 3.0 stars from 5 ratings",
                        "Rated in Fiction: 1.4 stars from 10 ratings");
    }

    @Test
    void likedAuthorsBooksRiseAndSayWhy() {
        profile.liked(catalogue.book("B07"));

        List<Recommendation> recommendations = recommender.recommend(profile, null, 8);

        assertThat(ids(recommendations)).containsExactly("B07", "B02", "B01", "B04", "B03", "B05", "B08", "B06");
        assertThat(recommendations.get(0).score())
                .isCloseTo(51.0 / 15 + SHELF_BOOST_OF_A_LIKE + AUTHOR_BOOST_OF_A_LIKE, EXACT);
        assertThat(recommendations.get(1).score()).isCloseTo(41.0 / 11 + AUTHOR_BOOST_OF_A_LIKE, EXACT);
        assertThat(recommendations.get(7).score()).isCloseTo(2.5 + SHELF_BOOST_OF_A_LIKE, EXACT);
        assertThat(recommendations)
                .extracting(Recommendation::reason)
                .containsExactly(
                        "Because you liked books by Boris Vale",
                        "Because you liked books by Boris Vale",
                        "Highly rated in Science: 4.5 stars from 20 ratings",
                        "Rated in History: 4.0 stars from 10 ratings",
                        "Rated in Science: 4.0 stars from 4 ratings",
                        "New in History, not rated yet",
                        "New in Mystery, not rated yet",
                        "Because you like Fiction");
    }

    @Test
    void neverRecommendsRatedCartedOrDismissedBooks() {
        profile.rated(catalogue.book("B01"), 4);
        profile.addedToCart(catalogue.book("B04"));
        profile.dismissed(catalogue.book("B02"));

        assertThat(ids(recommender.recommend(profile, null, 100))).containsExactly("B03", "B05", "B08", "B07", "B06");
    }

    @Test
    void recommendsOnlyFromTheFilteredCategory() {
        assertThat(ids(recommender.recommend(profile, BookCategory.SCIENCE, 10)))
                .containsExactly("B01", "B02", "B03");
        assertThat(ids(recommender.recommend(profile, BookCategory.HISTORY, 10)))
                .containsExactly("B04", "B05");
        assertThat(recommender.recommend(profile, BookCategory.BIOGRAPHY, 10)).isEmpty();
    }

    @Test
    void returnsAtMostMaxResultsOfTheBest() {
        assertThat(ids(recommender.recommend(profile, null, 3))).containsExactly("B01", "B04", "B02");
        assertThat(ids(recommender.recommend(profile, null, 1))).containsExactly("B01");
        assertThat(recommender.recommend(profile, null, 100)).hasSize(8);
    }

    @Test
    void rejectsMaxResultsOutsideOneToHundred() {
        assertThatThrownBy(() -> recommender.recommend(profile, null, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxResults: 0 (expected: 1 to 100)");
        assertThatThrownBy(() -> recommender.recommend(profile, null, 101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxResults: 101 (expected: 1 to 100)");
    }

    @Test
    void followsTheCatalogueAsRatingsArrive() {
        InMemoryBookStore store = SampleShelf.newStore();
        Catalogue updated = Catalogue.load(store);
        updated.update(store.saveRatings(InMemoryBookStore.ratingsOf("B08", 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)));

        // 60 ratings now sum to 230: the prior is 23/6, and B08 scores (230/6 + 50) / 20.
        List<Recommendation> recommendations = new Recommender(updated).recommend(profile, null, 1);

        assertThat(ids(recommendations)).containsExactly("B08");
        assertThat(recommendations.get(0).score()).isCloseTo((230.0 / 6 + 50) / 20, EXACT);
    }

    @Test
    void everyTopKIsThePrefixOfTheFullRanking() {
        Random random = new Random(42);
        InMemoryBookStore store = randomStore(random, 100);
        Catalogue randomCatalogue = Catalogue.load(store);
        TasteProfile randomProfile = TasteProfile.empty();
        List<Book> books = randomCatalogue.books(null);
        for (int action = 0; action < 30; action++) {
            Book book = books.get(random.nextInt(books.size()));
            switch (random.nextInt(5)) {
                case 0 -> randomProfile.viewed(book);
                case 1 -> randomProfile.liked(book);
                case 2 -> randomProfile.rated(book, 1 + random.nextInt(5));
                case 3 -> randomProfile.addedToCart(book);
                default -> randomProfile.dismissed(book);
            }
        }
        Recommender randomRecommender = new Recommender(randomCatalogue);

        List<Recommendation> all = randomRecommender.recommend(randomProfile, null, 100);

        assertThat(all)
                .hasSize((int) books.stream()
                        .filter(book -> !randomProfile.excludes(book.bookId()))
                        .count())
                .isSortedAccordingTo(Comparator.comparingDouble(Recommendation::score)
                        .reversed()
                        .thenComparing(recommendation -> recommendation.book().bookId()));
        for (int maxResults = 1; maxResults <= 100; maxResults++) {
            assertThat(randomRecommender.recommend(randomProfile, null, maxResults))
                    .isEqualTo(all.subList(0, Math.min(maxResults, all.size())));
        }
        for (BookCategory category : BookCategory.values()) {
            assertThat(randomRecommender.recommend(randomProfile, category, 5))
                    .isEqualTo(all.stream()
                            .filter(recommendation -> recommendation.book().category() == category)
                            .limit(5)
                            .toList());
        }
    }

    private static InMemoryBookStore randomStore(Random random, int bookCount) {
        BookCategory[] categories = BookCategory.values();
        List<Book> books = new ArrayList<>();
        for (int i = 0; i < bookCount; i++) {
            books.add(SampleShelf.book(
                    String.format("B%04d", i),
                    "Title " + i,
                    "Author " + random.nextInt(15),
                    categories[random.nextInt(categories.length)]));
        }
        InMemoryBookStore store = new InMemoryBookStore(books);
        List<Rating> ratings = new ArrayList<>();
        for (Book book : books) {
            int count = random.nextInt(30);
            for (int reader = 0; reader < count; reader++) {
                ratings.add(new Rating("reader" + reader, book.bookId(), 1 + random.nextInt(5)));
            }
        }
        store.saveRatings(ratings);
        return store;
    }

    private static List<String> ids(List<Recommendation> recommendations) {
        return recommendations.stream()
                .map(recommendation -> recommendation.book().bookId())
                .toList();
    }

    private static double[] scores(List<Recommendation> recommendations) {
        return recommendations.stream().mapToDouble(Recommendation::score).toArray();
    }
}
