-- The idempotency key of every uploaded rating that carried one, written in the same transaction as the
-- rating. A rating whose key is already here is a replay (a client resending an upload whose summary it never
-- received) and stores nothing, so a retry can neither store a rating twice nor bring back stars that a later
-- rating replaced. One row per keyed rating ever stored: the table grows with the ratings it guards.
CREATE TABLE rating_idempotency_keys (
    idempotency_key TEXT    NOT NULL PRIMARY KEY CHECK (length(idempotency_key) BETWEEN 1 AND 128),
    user_id         TEXT    NOT NULL REFERENCES users (user_id),
    book_id         TEXT    NOT NULL REFERENCES books (book_id),
    stars           INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5)
) STRICT, WITHOUT ROWID;
