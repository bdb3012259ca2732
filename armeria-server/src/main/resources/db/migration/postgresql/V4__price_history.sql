-- Price history: every stored price change (tick), and per product and minute the open, high, low and close of
-- those changes, kept up to date as ticks are written, so that bars of a minute or coarser read one row per
-- minute instead of every tick (a year of minute bars is 525,600 rows, not tens of millions of ticks).
--
-- Times here are whole nanoseconds (ticks) or minutes (bars) since the epoch, not ISO text: ranges, buckets and
-- keyset paging need numbers, and a 64-bit count of nanoseconds is exact until the year 2262 (timestamptz would
-- round to microseconds).
--
-- A price is kept as the product's base price in its listing currency (minor units) and the sale discount that
-- ran at the change (basis points, 0 for none): every quote of the change, in any currency and segment, is
-- computed from those two exactly as GetPrice computes it, and the quote grows with base price x (10000 - sale
-- discount), which is how the minute bars pick their high and low.

CREATE TABLE price_ticks (
    tick_id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id        text   NOT NULL,
    event_time_nanos  bigint NOT NULL,
    incarnation       bigint NOT NULL,
    sequence_number   bigint NOT NULL CHECK (sequence_number >= 1),
    base_price_minor  bigint NOT NULL CHECK (base_price_minor > 0),
    sale_discount_bp  integer NOT NULL CHECK (sale_discount_bp BETWEEN 0 AND 9000),
    sale_end_nanos    bigint,
    CHECK ((sale_discount_bp = 0) = (sale_end_nanos IS NULL))
);

CREATE INDEX price_ticks_by_product_time ON price_ticks (product_id, event_time_nanos, tick_id);
-- Pruning deletes by time across every product.
CREATE INDEX price_ticks_by_time ON price_ticks (event_time_nanos);

CREATE TABLE price_minute_bars (
    product_id        text    NOT NULL,
    minute            bigint  NOT NULL,
    open_time_nanos   bigint  NOT NULL,
    open_base_minor   bigint  NOT NULL,
    open_sale_bp      integer NOT NULL,
    high_base_minor   bigint  NOT NULL,
    high_sale_bp      integer NOT NULL,
    low_base_minor    bigint  NOT NULL,
    low_sale_bp       integer NOT NULL,
    close_time_nanos  bigint  NOT NULL,
    close_base_minor  bigint  NOT NULL,
    close_sale_bp     integer NOT NULL,
    tick_count        bigint  NOT NULL CHECK (tick_count >= 1),
    PRIMARY KEY (product_id, minute)
);

CREATE INDEX price_minute_bars_by_minute ON price_minute_bars (minute);
