package io.tickscope.server.grpc;

import io.tickscope.api.recommendation.v1.ListBooksRequest;
import io.tickscope.api.recommendation.v1.ListBooksResponse;
import org.jspecify.annotations.Nullable;

/**
 * Resumes a ListBooks stream over HTTP: the books come in book id order, so an event's id is its book's id, and a
 * stream resumed from one sends only the books after it.
 */
final class BookResume implements ResumeFilter<ListBooksResponse> {

    private @Nullable String lastBookId;

    private BookResume(@Nullable String lastBookId) {
        this.lastBookId = lastBookId;
    }

    static ResumeFilter<ListBooksResponse> of(ListBooksRequest request, @Nullable String lastEventId) {
        if (lastEventId != null) {
            RequestViolations violations = new RequestViolations();
            Identifiers.check(violations, "Last-Event-ID", lastEventId, "B0042");
            violations.throwIfAny();
        }
        return new BookResume(lastEventId);
    }

    @Override
    public boolean admit(ListBooksResponse message) {
        String bookId = message.getBook().getBookId();
        if (lastBookId != null && bookId.compareTo(lastBookId) <= 0) {
            return false;
        }
        lastBookId = bookId;
        return true;
    }

    @Override
    public @Nullable String lastEventId() {
        return lastBookId;
    }
}
