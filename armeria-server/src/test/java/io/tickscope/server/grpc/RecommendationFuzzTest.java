package io.tickscope.server.grpc;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickscope.api.recommendation.v1.GetBookRequest;
import io.tickscope.api.recommendation.v1.ListBooksRequest;
import io.tickscope.api.recommendation.v1.RecommendRequest;
import io.tickscope.api.recommendation.v1.RecommendationSessionRequest;
import io.tickscope.api.recommendation.v1.UploadBookRatingsRequest;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes every request of {@code RecommendationService} through parsing, validation, the catalogue, the
 * recommender and the database: whatever the bytes, a call answers or fails with INVALID_ARGUMENT,
 * OUT_OF_RANGE or NOT_FOUND.
 */
class RecommendationFuzzTest {

    /** How many books a client reads from ListBooks before it hangs up. */
    private static final int LIST_READS = 4;

    private static final InlineServices services = InlineServices.open();

    @AfterAll
    static void closeServices() {
        services.close();
    }

    @FuzzTest
    void recommend(byte[] input) {
        RecommendRequest request = FuzzInputs.message(input, RecommendRequest.parser());
        if (request != null) {
            services.callUnary(request, services.recommendation()::recommend);
        }
    }

    @FuzzTest
    void getBook(byte[] input) {
        GetBookRequest request = FuzzInputs.message(input, GetBookRequest.parser());
        if (request != null) {
            services.callUnary(request, services.recommendation()::getBook);
        }
    }

    @FuzzTest
    void listBooks(byte[] input) {
        ListBooksRequest request = FuzzInputs.message(input, ListBooksRequest.parser());
        if (request != null) {
            services.callServerStreaming(request, services.recommendation()::listBooks, LIST_READS);
        }
    }

    @FuzzTest
    void uploadBookRatings(FuzzedDataProvider input) {
        services.callClientStreaming(
                services.recommendation()::uploadBookRatings,
                stream -> FuzzInputs.sendStream(input, UploadBookRatingsRequest.parser(), stream));
    }

    /** A session: starts and actions of every type, in any order, ending with a half-close or a hang-up. */
    @FuzzTest
    void recommendationSession(FuzzedDataProvider input) {
        services.callClientStreaming(
                services.recommendation()::recommendationSession,
                stream -> FuzzInputs.sendStream(input, RecommendationSessionRequest.parser(), stream));
    }
}
