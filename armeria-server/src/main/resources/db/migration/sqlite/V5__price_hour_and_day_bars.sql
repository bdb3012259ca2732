-- Hour and day bars, kept up to date by the history writer as minute bars are (the same columns, per product
-- and whole hour or day since the epoch, UTC), so that a year of hour bars reads 8,760 rows and a year of day
-- bars 365, instead of rolling up 525,600 minute bars on every request.
--
-- Each is filled here from the minute bars already stored, picked the way merging picks them: the open of the
-- first minute, the close of the last, the highest and lowest by base price x (10000 - sale discount), which is
-- how quotes grow (SQLite multiplies these as 64-bit integers, exact for base prices below 9.2 x 10^14 minor
-- units, and compares larger ones in floating point). Equal products quote alike, so ties go by minute order.

CREATE TABLE price_hour_bars (
    product_id        TEXT    NOT NULL,
    hour              INTEGER NOT NULL,
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
    PRIMARY KEY (product_id, hour)
) STRICT, WITHOUT ROWID;

CREATE INDEX price_hour_bars_by_hour ON price_hour_bars (hour);

CREATE TABLE price_day_bars (
    product_id        TEXT    NOT NULL,
    day               INTEGER NOT NULL,
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
    PRIMARY KEY (product_id, day)
) STRICT, WITHOUT ROWID;

CREATE INDEX price_day_bars_by_day ON price_day_bars (day);

INSERT INTO price_hour_bars (product_id, hour, open_time_nanos, open_base_minor, open_sale_bp, high_base_minor,
    high_sale_bp, low_base_minor, low_sale_bp, close_time_nanos, close_base_minor, close_sale_bp, tick_count)
SELECT DISTINCT product_id, minute / 60,
    FIRST_VALUE(open_time_nanos) OVER by_open,
    FIRST_VALUE(open_base_minor) OVER by_open,
    FIRST_VALUE(open_sale_bp) OVER by_open,
    FIRST_VALUE(high_base_minor) OVER by_high,
    FIRST_VALUE(high_sale_bp) OVER by_high,
    FIRST_VALUE(low_base_minor) OVER by_low,
    FIRST_VALUE(low_sale_bp) OVER by_low,
    FIRST_VALUE(close_time_nanos) OVER by_close,
    FIRST_VALUE(close_base_minor) OVER by_close,
    FIRST_VALUE(close_sale_bp) OVER by_close,
    SUM(tick_count) OVER (PARTITION BY product_id, minute / 60)
FROM price_minute_bars
WINDOW by_open AS (PARTITION BY product_id, minute / 60 ORDER BY minute),
    by_high AS (PARTITION BY product_id, minute / 60
        ORDER BY CAST(high_base_minor AS NUMERIC) * (10000 - high_sale_bp) DESC, minute),
    by_low AS (PARTITION BY product_id, minute / 60 ORDER BY CAST(low_base_minor AS NUMERIC) * (10000 - low_sale_bp), minute),
    by_close AS (PARTITION BY product_id, minute / 60 ORDER BY minute DESC);

INSERT INTO price_day_bars (product_id, day, open_time_nanos, open_base_minor, open_sale_bp, high_base_minor,
    high_sale_bp, low_base_minor, low_sale_bp, close_time_nanos, close_base_minor, close_sale_bp, tick_count)
SELECT DISTINCT product_id, minute / 1440,
    FIRST_VALUE(open_time_nanos) OVER by_open,
    FIRST_VALUE(open_base_minor) OVER by_open,
    FIRST_VALUE(open_sale_bp) OVER by_open,
    FIRST_VALUE(high_base_minor) OVER by_high,
    FIRST_VALUE(high_sale_bp) OVER by_high,
    FIRST_VALUE(low_base_minor) OVER by_low,
    FIRST_VALUE(low_sale_bp) OVER by_low,
    FIRST_VALUE(close_time_nanos) OVER by_close,
    FIRST_VALUE(close_base_minor) OVER by_close,
    FIRST_VALUE(close_sale_bp) OVER by_close,
    SUM(tick_count) OVER (PARTITION BY product_id, minute / 1440)
FROM price_minute_bars
WINDOW by_open AS (PARTITION BY product_id, minute / 1440 ORDER BY minute),
    by_high AS (PARTITION BY product_id, minute / 1440
        ORDER BY CAST(high_base_minor AS NUMERIC) * (10000 - high_sale_bp) DESC, minute),
    by_low AS (PARTITION BY product_id, minute / 1440 ORDER BY CAST(low_base_minor AS NUMERIC) * (10000 - low_sale_bp), minute),
    by_close AS (PARTITION BY product_id, minute / 1440 ORDER BY minute DESC);
