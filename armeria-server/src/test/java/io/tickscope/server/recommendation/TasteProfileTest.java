package io.tickscope.server.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TasteProfileTest {

    private final Catalogue catalogue = Catalogue.load(SampleShelf.newStore());
    private final TasteProfile profile = TasteProfile.empty();

    @Test
    void storedRatingsWeighTwiceTheirDistanceFromThreeStarsAndExcludeTheirBooks() {
        TasteProfile rated = TasteProfile.ofRatings(Map.of("B01", 5, "B06", 1, "B04", 3, "B99", 4), catalogue);

        assertThat(rated.categoryAffinity(BookCategory.SCIENCE)).isEqualTo(4);
        assertThat(rated.authorAffinity("Ada Byron")).isEqualTo(4);
        assertThat(rated.categoryAffinity(BookCategory.FICTION)).isEqualTo(-4);
        assertThat(rated.authorAffinity("Eli Stone")).isEqualTo(-4);
        assertThat(rated.categoryAffinity(BookCategory.HISTORY)).isZero();
        assertThat(rated.excludes("B01")).isTrue();
        assertThat(rated.excludes("B04")).isTrue();
        assertThat(rated.excludes("B06")).isTrue();
        assertThat(rated.excludes("B03")).isFalse();
    }

    @Test
    void newRatingOfABookReplacesTheEarlierOne() {
        profile.rated(catalogue.book("B01"), 5);
        profile.rated(catalogue.book("B01"), 2);

        assertThat(profile.categoryAffinity(BookCategory.SCIENCE)).isEqualTo(-2);
        assertThat(profile.authorAffinity("Ada Byron")).isEqualTo(-2);
    }

    @Test
    void everyViewCountsButALikeOnlyOnce() {
        Book book = catalogue.book("B07");
        profile.viewed(book);
        profile.viewed(book);
        profile.liked(book);
        profile.liked(book);

        assertThat(profile.categoryAffinity(BookCategory.FICTION)).isEqualTo(1 + 1 + 3);
        assertThat(profile.authorAffinity("Boris Vale")).isEqualTo(1 + 1 + 3);
        assertThat(profile.excludes("B07")).isFalse();
    }

    @Test
    void cartCountsOnceAndExcludesTheBook() {
        profile.addedToCart(catalogue.book("B04"));
        profile.addedToCart(catalogue.book("B04"));

        assertThat(profile.categoryAffinity(BookCategory.HISTORY)).isEqualTo(4);
        assertThat(profile.authorAffinity("Cleo Marsh")).isEqualTo(4);
        assertThat(profile.excludes("B04")).isTrue();
    }

    @Test
    void dismissalCountsAgainstTheAuthorOnlyAndExcludesTheBook() {
        profile.dismissed(catalogue.book("B05"));
        profile.dismissed(catalogue.book("B05"));

        assertThat(profile.authorAffinity("Dara Quinn")).isEqualTo(-2);
        assertThat(profile.categoryAffinity(BookCategory.HISTORY)).isZero();
        assertThat(profile.excludes("B05")).isTrue();
        assertThat(profile.excludes("B08")).isFalse();
    }

    @Test
    void ratingRejectsStarsOutsideOneToFive() {
        assertThatThrownBy(() -> profile.rated(catalogue.book("B01"), 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("stars: 6 (expected: 1 to 5)");
        assertThat(profile.excludes("B01")).isFalse();
    }
}
