package io.tickscope.desktop.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.model.Quote;
import io.tickscope.shared.money.Amount;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class WatchlistRowModelTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final WatchlistRowModel row = new WatchlistRowModel("P00042", "P00042");

    @Test
    void firstPriceStartsTheSessionWithoutAFlash() {
        boolean live = row.apply(snapshot("100.00", "90.00", null, T0.minusSeconds(30)), T0);

        assertThat(live).isFalse();
        assertThat(row.nameProperty().get()).isEqualTo("Alder Speaker");
        assertThat(row.priceProperty().get()).isEqualTo(Amount.of("USD", "100.00"));
        assertThat(row.segmentPriceProperty().get()).isEqualTo(Amount.of("USD", "90.00"));
        assertThat(row.changeProperty().get()).isEqualTo(Amount.of("USD", "0.00"));
        assertThat(row.changePercentProperty().get()).isZero();
        assertThat(row.flashProperty().get()).isEqualTo(Flash.NONE);
        assertThat(row.ageSecondsProperty().get()).isEqualTo(30);
        assertThat(row.saleSecondsLeftProperty().get()).isEqualTo(-1);
    }

    @Test
    void changeIsMeasuredFromTheFirstPriceAndFlashesItsDirectionForAMoment() {
        row.apply(snapshot("100.00", "100.00", null, T0), T0);

        boolean live = row.apply(change("101.50", "101.50", null, T0.plusSeconds(1)), T0.plusSeconds(1));
        row.apply(change("99.00", "99.00", null, T0.plusSeconds(2)), T0.plusSeconds(2));

        assertThat(live).isTrue();
        assertThat(row.changeProperty().get()).isEqualTo(Amount.of("USD", "-1.00"));
        assertThat(row.changePercentProperty().get()).isCloseTo(-1.0, within(1e-9));
        assertThat(row.flashProperty().get()).isEqualTo(Flash.DOWN);

        row.refresh(T0.plusSeconds(2).plus(WatchlistRowModel.FLASH_TIME).minusMillis(1));
        assertThat(row.flashProperty().get()).isEqualTo(Flash.DOWN);
        row.refresh(T0.plusSeconds(2).plus(WatchlistRowModel.FLASH_TIME));
        assertThat(row.flashProperty().get()).isEqualTo(Flash.NONE);
    }

    @Test
    void saleMovesOnlyTheSegmentPriceAndCountsDownToItsEnd() {
        row.apply(snapshot("100.00", "100.00", null, T0), T0);

        row.apply(change("100.00", "75.00", T0.plusSeconds(90), T0.plusSeconds(1)), T0.plusSeconds(1));

        assertThat(row.flashProperty().get()).isEqualTo(Flash.DOWN);
        assertThat(row.changeProperty().get()).isEqualTo(Amount.of("USD", "0.00"));
        assertThat(row.saleSecondsLeftProperty().get()).isEqualTo(89);
        row.refresh(T0.plusSeconds(89).plusMillis(500));
        assertThat(row.saleSecondsLeftProperty().get()).isZero();
        row.refresh(T0.plusSeconds(90));
        assertThat(row.saleSecondsLeftProperty().get()).isEqualTo(-1);
    }

    @Test
    void staleRowIsLiveAgainWithItsNextPrice() {
        row.apply(snapshot("100.00", "100.00", null, T0), T0);

        row.markStale();
        assertThat(row.staleProperty().get()).isTrue();
        row.apply(snapshot("100.00", "100.00", null, T0), T0.plusSeconds(5));

        assertThat(row.staleProperty().get()).isFalse();
        assertThat(row.ageSecondsProperty().get()).isEqualTo(5);
    }

    @Test
    void newSessionForgetsThePricesOfTheLastCurrency() {
        row.apply(snapshot("100.00", "100.00", null, T0), T0);
        row.apply(change("110.00", "110.00", null, T0), T0.plusSeconds(1));
        long version = row.historyVersionProperty().get();

        row.restartSession();
        row.apply(snapshot("92.00", "92.00", null, T0, "EUR"), T0.plusSeconds(2));

        assertThat(row.changeProperty().get()).isEqualTo(Amount.of("EUR", "0.00"));
        assertThat(row.history().size()).isEqualTo(1);
        assertThat(row.historyVersionProperty().get()).isGreaterThan(version);
    }

    @Test
    void historyStaysBoundedHoweverManyPricesArrive() {
        for (int i = 0; i < 5 * WatchlistRowModel.HISTORY_CAPACITY; i++) {
            row.apply(change(i % 2 == 0 ? "100.00" : "100.01", "100.00", null, T0), T0.plusMillis(i));
        }

        assertThat(row.history().size()).isEqualTo(WatchlistRowModel.HISTORY_CAPACITY);
    }

    private static PriceTick snapshot(String base, String segment, @Nullable Instant saleEnd, Instant updated) {
        return snapshot(base, segment, saleEnd, updated, "USD");
    }

    private static PriceTick snapshot(
            String base, String segment, @Nullable Instant saleEnd, Instant updated, String currency) {
        return new PriceTick(quote(base, segment, saleEnd, updated, currency), true, 1, updated);
    }

    private static PriceTick change(String base, String segment, @Nullable Instant saleEnd, Instant updated) {
        return new PriceTick(quote(base, segment, saleEnd, updated, "USD"), false, 2, updated);
    }

    private static Quote quote(
            String base, String segment, @Nullable Instant saleEnd, Instant updated, String currency) {
        return new Quote(
                "P00042", "Alder Speaker", Amount.of(currency, base), Amount.of(currency, segment), saleEnd, updated);
    }
}
