package io.tickscope.desktop.rpc;

import io.tickscope.api.recommendation.v1.Book;
import io.tickscope.api.recommendation.v1.BookCategory;
import io.tickscope.api.recommendation.v1.RatingRejection;
import io.tickscope.api.recommendation.v1.Recommendation;
import io.tickscope.api.recommendation.v1.RecommendationSessionResponse;
import io.tickscope.api.recommendation.v1.UploadBookRatingsResponse;
import io.tickscope.api.recommendation.v1.UserActionType;
import io.tickscope.desktop.model.ActionType;
import io.tickscope.desktop.model.BookRow;
import io.tickscope.desktop.model.Category;
import io.tickscope.desktop.model.RecommendationsUpdate;
import io.tickscope.desktop.model.RecommendedBook;
import io.tickscope.desktop.model.UploadSummary;
import io.tickscope.shared.time.InstantProtos;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Maps the recommendation contract's messages to the desktop's model and back. */
final class RecommendationMessages {

    private static final Map<Category, BookCategory> CATEGORIES = new EnumMap<>(Map.of(
            Category.ALL, BookCategory.BOOK_CATEGORY_UNSPECIFIED,
            Category.FICTION, BookCategory.BOOK_CATEGORY_FICTION,
            Category.SCIENCE_FICTION, BookCategory.BOOK_CATEGORY_SCIENCE_FICTION,
            Category.MYSTERY, BookCategory.BOOK_CATEGORY_MYSTERY,
            Category.HISTORY, BookCategory.BOOK_CATEGORY_HISTORY,
            Category.SCIENCE, BookCategory.BOOK_CATEGORY_SCIENCE,
            Category.BUSINESS, BookCategory.BOOK_CATEGORY_BUSINESS,
            Category.TECHNOLOGY, BookCategory.BOOK_CATEGORY_TECHNOLOGY,
            Category.BIOGRAPHY, BookCategory.BOOK_CATEGORY_BIOGRAPHY));

    private static final Map<ActionType, UserActionType> ACTIONS = new EnumMap<>(Map.of(
            ActionType.VIEWED, UserActionType.USER_ACTION_TYPE_VIEWED,
            ActionType.LIKED, UserActionType.USER_ACTION_TYPE_LIKED,
            ActionType.RATED, UserActionType.USER_ACTION_TYPE_RATED,
            ActionType.ADDED_TO_CART, UserActionType.USER_ACTION_TYPE_ADDED_TO_CART,
            ActionType.DISMISSED, UserActionType.USER_ACTION_TYPE_DISMISSED));

    static {
        if (CATEGORIES.size() != Category.values().length || ACTIONS.size() != ActionType.values().length) {
            throw new AssertionError("every category and action maps to the contract");
        }
    }

    private RecommendationMessages() {}

    static BookCategory toProto(Category category) {
        return CATEGORIES.get(category);
    }

    static UserActionType toProto(ActionType type) {
        return ACTIONS.get(type);
    }

    /** Returns the category of a book as the server sent it; one this client does not know reads as ALL. */
    static Category fromProto(BookCategory category) {
        for (Map.Entry<Category, BookCategory> entry : CATEGORIES.entrySet()) {
            if (entry.getValue() == category) {
                return entry.getKey();
            }
        }
        return Category.ALL;
    }

    static BookRow fromProto(Book book) {
        return new BookRow(
                book.getBookId(),
                book.getTitle(),
                book.getAuthor(),
                fromProto(book.getCategory()),
                book.getAverageRating(),
                book.getRatingCount());
    }

    static RecommendationsUpdate fromProto(RecommendationSessionResponse response) {
        List<RecommendedBook> books = new ArrayList<>(response.getRecommendationsCount());
        for (Recommendation recommendation : response.getRecommendationsList()) {
            books.add(new RecommendedBook(
                    books.size() + 1,
                    fromProto(recommendation.getBook()),
                    recommendation.getScore(),
                    recommendation.getReason()));
        }
        return new RecommendationsUpdate(
                books, response.getActionsApplied(), InstantProtos.fromProto(response.getGenerateTime()));
    }

    static UploadSummary fromProto(UploadBookRatingsResponse response) {
        List<String> rejections = new ArrayList<>(response.getRejectionsCount());
        for (RatingRejection rejection : response.getRejectionsList()) {
            rejections.add("rating " + (rejection.getIndex() + 1) + ", book " + rejection.getBookId() + ": "
                    + rejection.getReason());
        }
        return new UploadSummary(response.getAcceptedCount(), response.getRejectedCount(), rejections);
    }
}
