-- How many transactions have changed a book's ratings. Every transaction that changes them adds one, while it
-- holds the book (SQLite: the database's write lock; PostgreSQL: the book's row lock), so of two states of a
-- book's aggregate the one with the larger version is the newer. A server that learns of a book's state late
-- (its own upload's result, or a change another replica announced) keeps whichever is newer.
ALTER TABLE books ADD COLUMN ratings_version bigint NOT NULL DEFAULT 0;
