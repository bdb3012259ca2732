-- The shop's catalogue: products with prices, books with ratings, and users.
--
-- Tables are STRICT, so SQLite refuses a value of the wrong type instead of storing it as written. Money is a
-- whole number of minor units (INTEGER) in a named currency; exchange rates are exact decimals kept as TEXT;
-- nothing is REAL. Times are UTC instants in ISO-8601 (java.time.Instant#toString), exact to the nanosecond.

CREATE TABLE exchange_rates (
    currency_code TEXT NOT NULL PRIMARY KEY CHECK (currency_code GLOB '[A-Z][A-Z][A-Z]'),
    -- How many units of the currency one US dollar buys, as a plain decimal such as '151.50'.
    units_per_usd TEXT NOT NULL CHECK (units_per_usd GLOB '[0-9]*' AND units_per_usd NOT GLOB '*[^0-9.]*')
) STRICT;

CREATE TABLE segment_discounts (
    segment       TEXT    NOT NULL PRIMARY KEY CHECK (segment IN ('STANDARD', 'VIP', 'WHOLESALE')),
    discount_bp   INTEGER NOT NULL CHECK (discount_bp BETWEEN 0 AND 9000)
) STRICT;

CREATE TABLE products (
    product_id       TEXT    NOT NULL PRIMARY KEY,
    name             TEXT    NOT NULL,
    currency_code    TEXT    NOT NULL REFERENCES exchange_rates (currency_code),
    base_price_minor INTEGER NOT NULL CHECK (base_price_minor > 0),
    sale_discount_bp INTEGER CHECK (sale_discount_bp BETWEEN 1 AND 9000),
    sale_end_time    TEXT,
    update_time      TEXT    NOT NULL,
    -- A sale has both a discount and an end time, or there is no sale.
    CHECK ((sale_discount_bp IS NULL) = (sale_end_time IS NULL))
) STRICT;

CREATE TABLE books (
    book_id     TEXT NOT NULL PRIMARY KEY,
    title       TEXT NOT NULL,
    author      TEXT NOT NULL,
    category    TEXT NOT NULL CHECK (category IN ('FICTION', 'SCIENCE_FICTION', 'MYSTERY', 'HISTORY', 'SCIENCE',
                                                  'BUSINESS', 'TECHNOLOGY', 'BIOGRAPHY')),
    description TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    user_id      TEXT NOT NULL PRIMARY KEY,
    display_name TEXT NOT NULL,
    email        TEXT NOT NULL UNIQUE,
    segment      TEXT NOT NULL REFERENCES segment_discounts (segment)
) STRICT;

-- One row per user and book: a user's new rating of a book replaces the old one. A book's rating count and
-- sum are computed from this table by query (see ratings_by_book), so they cannot drift from the ratings.
CREATE TABLE ratings (
    user_id TEXT    NOT NULL REFERENCES users (user_id),
    book_id TEXT    NOT NULL REFERENCES books (book_id),
    stars   INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    PRIMARY KEY (user_id, book_id)
) STRICT, WITHOUT ROWID;

-- Covers the per-book aggregate (count and sum of stars) without touching the table.
CREATE INDEX ratings_by_book ON ratings (book_id, stars);

-- Which seed filled this database and when; its one row marks the database as seeded, so a re-open never
-- seeds again.
CREATE TABLE catalogue_seed (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    seed       INTEGER NOT NULL,
    seeded_at  TEXT    NOT NULL
) STRICT;
