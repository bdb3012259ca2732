package io.tickscope.server.recommendation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * One stream of uploaded ratings: validates each rating, stores the valid ones in transactions of {@value
 * #CHUNK_SIZE}, and keeps the {@link Catalogue} in step with what is stored.
 *
 * <p>Every valid rating counts as accepted, except a replay: a rating whose idempotency key the store already
 * holds stores nothing and counts as already stored. When a user rates the same book twice in one upload the
 * later rating wins, exactly as if the two had come in two uploads: within a chunk the later one replaces the
 * earlier one before the store sees them, and across chunks the store replaces it. So what is stored never
 * depends on where the chunks happen to split the stream. A keyed rating never replaces another in the chunk,
 * since only the store can tell whether either is a replay: the chunk is stored first.
 *
 * <p>Memory is bounded: at most one chunk of ratings, the first {@value #MAX_REJECTIONS} rejections, and
 * {@value #MAX_REMEMBERED_USERS} user lookups.
 *
 * <p>Blocks: it calls the store, and the user check may too, so run it on a blocking executor. Not
 * thread-safe: feed it one rating at a time, with a happens-before edge between calls (an executor does).
 * When the store fails, its exception propagates and the upload must be abandoned; the chunks stored before stay
 * stored, since each is its own transaction.
 */
public final class RatingUpload {

    /** How many ratings each transaction stores, the last one excepted. */
    public static final int CHUNK_SIZE = 500;

    /** How many rejections the summary explains; the rest are only counted. */
    public static final int MAX_REJECTIONS = 100;

    private static final int MAX_REMEMBERED_USERS = 10_000;

    private final BookStore store;
    private final Catalogue catalogue;
    private final Predicate<String> userExists;
    // Uploads name the same few users over and over: ask about each once, not once per rating.
    private final Map<String, Boolean> knownUsers = new HashMap<>();
    private final LinkedHashMap<UserBook, UploadedRating> chunk = new LinkedHashMap<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private long acceptedCount;
    private long alreadyStoredCount;
    private long rejectedCount;
    private boolean finished;

    /**
     * Starts an upload that stores into {@code store}, updates {@code catalogue}, and accepts ratings only by
     * users for whom {@code userExists} is true.
     */
    public RatingUpload(BookStore store, Catalogue catalogue, Predicate<String> userExists) {
        this.store = requireNonNull(store, "store");
        this.catalogue = requireNonNull(catalogue, "catalogue");
        this.userExists = requireNonNull(userExists, "userExists");
    }

    /**
     * Takes the rating at zero-based position {@code index} of the stream: buffers it if it is valid, else
     * records why not. Stores the buffered ratings when a chunk is full.
     *
     * @throws IllegalStateException when the upload is finished
     */
    public void offer(long index, String userId, String bookId, int stars) {
        offer(index, userId, bookId, stars, "");
    }

    /**
     * Takes the rating at zero-based position {@code index} of the stream with the client's {@code
     * idempotencyKey}, empty for none: buffers it if it is valid, else records why not. Stores the buffered
     * ratings when a chunk is full.
     *
     * @throws IllegalStateException when the upload is finished
     */
    public void offer(long index, String userId, String bookId, int stars, String idempotencyKey) {
        requireNonNull(userId, "userId");
        requireNonNull(bookId, "bookId");
        requireNonNull(idempotencyKey, "idempotencyKey");
        checkNotFinished();
        String problems = problemsWith(userId, bookId, stars, idempotencyKey);
        if (!problems.isEmpty()) {
            rejectedCount++;
            if (rejections.size() < MAX_REJECTIONS) {
                rejections.add(new Rejection(index, bookId, problems));
            }
            return;
        }
        UserBook userBook = new UserBook(userId, bookId);
        UploadedRating rating =
                new UploadedRating(new Rating(userId, bookId, stars), idempotencyKey.isEmpty() ? null : idempotencyKey);
        acceptedCount++;
        UploadedRating earlier = chunk.get(userBook);
        if (earlier != null && (earlier.isKeyed() || rating.isKeyed())) {
            storeChunk();
        }
        chunk.put(userBook, rating);
        if (chunk.size() == CHUNK_SIZE) {
            storeChunk();
        }
    }

    /**
     * Stores the ratings still buffered and returns the summary of the upload, once every accepted rating is
     * stored durably.
     *
     * @throws IllegalStateException when the upload is already finished
     */
    public Summary finish() {
        checkNotFinished();
        finished = true;
        storeChunk();
        return new Summary(acceptedCount, alreadyStoredCount, rejectedCount, rejections);
    }

    /** Returns what is wrong with the rating, each problem naming the bad value and what was expected. */
    private String problemsWith(String userId, String bookId, int stars, String idempotencyKey) {
        StringJoiner problems = new StringJoiner("; ");
        if (!knownUser(userId)) {
            problems.add("user_id: \"" + userId + "\" (expected: an existing user, for example \"U0042\")");
        }
        if (!catalogue.contains(bookId)) {
            problems.add("book_id: \"" + bookId + "\" (expected: a book of the catalogue, for example \"B0042\")");
        }
        if (stars < 1 || stars > 5) {
            problems.add("rating: " + stars + " (expected: 1 to 5 stars)");
        }
        String keyProblem = idempotencyKey.isEmpty() ? null : UploadedRating.keyProblem(idempotencyKey);
        if (keyProblem != null) {
            problems.add(keyProblem);
        }
        return problems.toString();
    }

    private boolean knownUser(String userId) {
        Boolean known = knownUsers.get(userId);
        if (known == null) {
            known = !userId.isEmpty() && userExists.test(userId);
            if (knownUsers.size() < MAX_REMEMBERED_USERS) {
                knownUsers.put(userId, known);
            }
        }
        return known;
    }

    private void storeChunk() {
        if (chunk.isEmpty()) {
            return;
        }
        BookStore.SavedUpload saved = store.saveUploadedRatings(List.copyOf(chunk.values()));
        // Replays were counted as accepted when offered; only the store could tell them apart.
        acceptedCount -= saved.replayCount();
        alreadyStoredCount += saved.replayCount();
        chunk.clear();
        catalogue.update(saved.changedBooks());
    }

    private void checkNotFinished() {
        if (finished) {
            throw new IllegalStateException("upload: finished (expected: still open)");
        }
    }

    /** Which user rated which book: a later rating of the same pair replaces the earlier one. */
    private record UserBook(String userId, String bookId) {}

    /**
     * Why the rating at zero-based position {@code index} of the upload, naming {@code bookId}, was not stored.
     */
    public record Rejection(long index, String bookId, String reason) {

        public Rejection {
            requireNonNull(bookId, "bookId");
            requireNonNull(reason, "reason");
        }
    }

    /**
     * What an upload did: how many ratings were stored, how many were replays of an already stored idempotency
     * key, how many were rejected, and why, for the first {@value #MAX_REJECTIONS} rejections.
     */
    public record Summary(long acceptedCount, long alreadyStoredCount, long rejectedCount, List<Rejection> rejections) {

        public Summary {
            rejections = List.copyOf(rejections);
        }
    }
}
