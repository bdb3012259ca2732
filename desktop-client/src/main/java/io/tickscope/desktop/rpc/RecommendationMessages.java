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
import java.util.List;

/** Maps the recommendation contract's messages to the desktop's model and back. */
final class RecommendationMessages {

    private RecommendationMessages() {}

    static BookCategory toProto(Category category) {
        return switch (category) {
            case ALL -> BookCategory.BOOK_CATEGORY_UNSPECIFIED;
            case FICTION -> BookCategory.BOOK_CATEGORY_FICTION;
            case SCIENCE_FICTION -> BookCategory.BOOK_CATEGORY_SCIENCE_FICTION;
            case MYSTERY -> BookCategory.BOOK_CATEGORY_MYSTERY;
            case HISTORY -> BookCategory.BOOK_CATEGORY_HISTORY;
            case SCIENCE -> BookCategory.BOOK_CATEGORY_SCIENCE;
            case BUSINESS -> BookCategory.BOOK_CATEGORY_BUSINESS;
            case TECHNOLOGY -> BookCategory.BOOK_CATEGORY_TECHNOLOGY;
            case BIOGRAPHY -> BookCategory.BOOK_CATEGORY_BIOGRAPHY;
        };
    }

    static UserActionType toProto(ActionType type) {
        return switch (type) {
            case VIEWED -> UserActionType.USER_ACTION_TYPE_VIEWED;
            case LIKED -> UserActionType.USER_ACTION_TYPE_LIKED;
            case RATED -> UserActionType.USER_ACTION_TYPE_RATED;
            case ADDED_TO_CART -> UserActionType.USER_ACTION_TYPE_ADDED_TO_CART;
            case DISMISSED -> UserActionType.USER_ACTION_TYPE_DISMISSED;
        };
    }

    /** Returns the category of a book as the server sent it; one this client does not know reads as ALL. */
    static Category fromProto(BookCategory category) {
        for (Category candidate : Category.values()) {
            if (toProto(candidate) == category) {
                return candidate;
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
