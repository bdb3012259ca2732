package io.tickscope.server.store;

import static java.util.Objects.requireNonNull;

import io.tickscope.server.recommendation.Book;
import io.tickscope.server.recommendation.BookCategory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes books {@code B0001}, {@code B0002} and on, without ratings, by a fixed number of authors. Each author
 * writes mostly in one category and some in a second, and a few authors write many books, so an author's
 * other books say something about what a reader of one may like.
 */
final class BookGenerator {

    private static final double SECOND_CATEGORY_PROBABILITY = 0.4;
    private static final double PRIMARY_CATEGORY_SHARE = 0.8;
    // Authors beyond their first book get more in proportion to 1 / (rank + this): the top one writes about
    // thirty books of two thousand, the median one four.
    private static final int PROLIFICACY_OFFSET = 20;

    // Titles are drawn again while taken; a category whose patterns run out repeats a title now and then, as
    // real catalogues do.
    private static final int MAX_DRAWS_PER_TITLE = 20;

    /** A writer with the category they write most in, and the one they write the rest in (maybe the same). */
    private record Author(String name, BookCategory primary, BookCategory secondary) {}

    private final SplittableRandom random;

    /** Creates a generator that draws every choice from {@code random}. */
    BookGenerator(SplittableRandom random) {
        this.random = requireNonNull(random, "random");
    }

    /** Returns {@code bookCount} books in book id order, written by exactly {@code authorCount} authors. */
    List<Book> generate(int bookCount, int authorCount) {
        if (authorCount < 1 || authorCount > bookCount || authorCount > PersonNames.distinctNames()) {
            throw new IllegalArgumentException("authorCount: " + authorCount + " (expected: 1 to "
                    + Math.min(bookCount, PersonNames.distinctNames()) + ')');
        }
        List<Author> authors = authors(authorCount);
        int[] authorOfBook = authorOfEachBook(bookCount, authorCount);
        List<Book> books = new ArrayList<>(bookCount);
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < bookCount; i++) {
            Author author = authors.get(authorOfBook[i]);
            BookCategory category =
                    random.nextDouble() < PRIMARY_CATEGORY_SHARE ? author.primary() : author.secondary();
            BookTexts.BookText text = BookTexts.draw(category, random);
            for (int draws = 1; !titles.add(text.title()) && draws < MAX_DRAWS_PER_TITLE; draws++) {
                text = BookTexts.draw(category, random);
            }
            books.add(new Book(bookId(i + 1), text.title(), author.name(), category, text.description(), 0, 0, 0));
        }
        return books;
    }

    /** Returns the id of the {@code number}th book, for example "B0042". */
    static String bookId(int number) {
        return String.format("B%04d", number);
    }

    private List<Author> authors(int count) {
        BookCategory[] categories = BookCategory.values();
        Set<String> names = new HashSet<>();
        List<Author> authors = new ArrayList<>(count);
        while (authors.size() < count) {
            String name = PersonNames.draw(random).fullName();
            if (names.add(name)) {
                BookCategory primary = categories[random.nextInt(categories.length)];
                BookCategory secondary = random.nextDouble() < SECOND_CATEGORY_PROBABILITY
                        ? categories[random.nextInt(categories.length)]
                        : primary;
                authors.add(new Author(name, primary, secondary));
            }
        }
        return authors;
    }

    /** Returns the author index of each book: every author has at least one, a few have many. */
    private int[] authorOfEachBook(int bookCount, int authorCount) {
        double[] prolificacy = new double[authorCount];
        for (int rank = 0; rank < authorCount; rank++) {
            prolificacy[rank] = 1.0 / (rank + PROLIFICACY_OFFSET);
        }
        WeightedChoice author = new WeightedChoice(prolificacy);
        int[] authorOf = new int[bookCount];
        for (int book = 0; book < bookCount; book++) {
            authorOf[book] = book < authorCount ? book : author.pick(random);
        }
        shuffle(authorOf);
        return authorOf;
    }

    private void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = values[i];
            values[i] = values[j];
            values[j] = swapped;
        }
    }
}
