-- The shop's catalogue: products with prices, books with ratings, and users. The same tables as the SQLite
-- migration of the same version, in PostgreSQL's dialect; the stores run the same SQL against both.
--
-- Money is a whole number of minor units in a named currency; exchange rates are exact decimals kept as text;
-- nothing is floating point. Times are UTC instants in ISO-8601 (java.time.Instant#toString) kept as text, as in
-- SQLite: timestamptz would round them to the microsecond.

CREATE TABLE exchange_rates (
    currency_code text NOT NULL PRIMARY KEY CHECK (currency_code ~ '^[A-Z]{3}$'),
    -- How many units of the currency one US dollar buys, as a plain decimal such as '151.50'.
    units_per_usd text NOT NULL CHECK (units_per_usd ~ '^[0-9][0-9.]*$')
);

CREATE TABLE segment_discounts (
    segment     text    NOT NULL PRIMARY KEY CHECK (segment IN ('STANDARD', 'VIP', 'WHOLESALE')),
    discount_bp integer NOT NULL CHECK (discount_bp BETWEEN 0 AND 9000)
);

CREATE TABLE products (
    product_id       text    NOT NULL PRIMARY KEY,
    name             text    NOT NULL,
    currency_code    text    NOT NULL REFERENCES exchange_rates (currency_code),
    base_price_minor bigint  NOT NULL CHECK (base_price_minor > 0),
    sale_discount_bp integer CHECK (sale_discount_bp BETWEEN 1 AND 9000),
    sale_end_time    text,
    update_time      text    NOT NULL,
    -- A sale has both a discount and an end time, or there is no sale.
    CHECK ((sale_discount_bp IS NULL) = (sale_end_time IS NULL))
);

CREATE TABLE books (
    book_id     text NOT NULL PRIMARY KEY,
    title       text NOT NULL,
    author      text NOT NULL,
    category    text NOT NULL CHECK (category IN ('FICTION', 'SCIENCE_FICTION', 'MYSTERY', 'HISTORY', 'SCIENCE',
                                                  'BUSINESS', 'TECHNOLOGY', 'BIOGRAPHY')),
    description text NOT NULL
);

CREATE TABLE users (
    user_id      text NOT NULL PRIMARY KEY,
    display_name text NOT NULL,
    email        text NOT NULL UNIQUE,
    segment      text NOT NULL REFERENCES segment_discounts (segment)
);

-- One row per user and book: a user's new rating of a book replaces the old one. A book's rating count and
-- sum are computed from this table by query (see ratings_by_book), so they cannot drift from the ratings.
CREATE TABLE ratings (
    user_id text     NOT NULL REFERENCES users (user_id),
    book_id text     NOT NULL REFERENCES books (book_id),
    stars   smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
    PRIMARY KEY (user_id, book_id)
);

-- Covers the per-book aggregate (count and sum of stars) with an index-only scan.
CREATE INDEX ratings_by_book ON ratings (book_id, stars);

-- Which seed filled this database and when; its one row marks the database as seeded, so a re-open never
-- seeds again.
CREATE TABLE catalogue_seed (
    id        integer NOT NULL PRIMARY KEY CHECK (id = 1),
    seed      bigint  NOT NULL,
    seeded_at text    NOT NULL
);
