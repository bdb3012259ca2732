-- Price history: every stored price change (tick), and per product and minute the open, high, low and close of
-- those changes, kept up to date as ticks are written, so that bars of a minute or coarser read one row per
-- minute instead of every tick (a year of minute bars is 525,600 rows, not tens of millions of ticks).
--
-- Times here are whole nanoseconds (ticks) or minutes (bars) since the epoch, not ISO text: ranges, buckets and
-- keyset paging need numbers, and a 64-bit count of nanoseconds is exact until the year 2262.
--
-- A price is kept as the product's base price in its listing currency (minor units) and the sale discount that
-- ran at the change (basis points, 0 for none): every quote of the change, in any currency and segment, is
-- computed from those two exactly as GetPrice computes it, and the quote grows with base price x (10000 - sale
-- discount), which is how the minute bars pick their high and low.

CREATE TABLE price_ticks (
    tick_id           INTEGER NOT NULL PRIMARY KEY,
    product_id        TEXT    NOT NULL,
    event_time_nanos  INTEGER NOT NULL,
    incarnation       INTEGER NOT NULL,
    sequence_number   INTEGER NOT NULL CHECK (sequence_number >= 1),
    base_price_minor  INTEGER NOT NULL CHECK (base_price_minor > 0),
    sale_discount_bp  INTEGER NOT NULL CHECK (sale_discount_bp BETWEEN 0 AND 9000),
    sale_end_nanos    INTEGER,
    CHECK ((sale_discount_bp = 0) = (sale_end_nanos IS NULL))
) STRICT;

CREATE INDEX price_ticks_by_product_time ON price_ticks (product_id, event_time_nanos, tick_id);
-- Pruning deletes by time across every product.
CREATE INDEX price_ticks_by_time ON price_ticks (event_time_nanos);

CREATE TABLE price_minute_bars (
    product_id        TEXT    NOT NULL,
    minute            INTEGER NOT NULL,
    open_time_nanos   INTEGER NOT NULL,
    open_base_minor   INTEGER NOT NULL,
    open_sale_bp      INTEGER NOT NULL,
    high_base_minor   INTEGER NOT NULL,
    high_sale_bp      INTEGER NOT NULL,
    low_base_minor    INTEGER NOT NULL,
    low_sale_bp       INTEGER NOT NULL,
    close_time_nanos  INTEGER NOT NULL,
    close_base_minor  INTEGER NOT NULL,
    close_sale_bp     INTEGER NOT NULL,
    tick_count        INTEGER NOT NULL CHECK (tick_count >= 1),
    PRIMARY KEY (product_id, minute)
) STRICT, WITHOUT ROWID;

CREATE INDEX price_minute_bars_by_minute ON price_minute_bars (minute);
