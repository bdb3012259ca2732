package io.tickscope.desktop.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.desktop.model.AlertFiring;
import io.tickscope.desktop.model.AlertKind;
import io.tickscope.desktop.model.AlertRule;
import io.tickscope.desktop.model.PriceTick;
import io.tickscope.desktop.model.Quote;
import io.tickscope.shared.money.Amount;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertEvaluatorTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");
    private static final Instant START = Instant.parse("2026-12-06T08:00:00Z");

    private final List<AlertFiring> fired = new ArrayList<>();
    private final AlertEvaluator evaluator = new AlertEvaluator(fired::add);
    private int seconds;

    @Test
    void firesOnceOnTheTickThatCrossesTheLevel() {
        evaluator.watch(List.of(AlertRule.above("P00001", Amount.of("USD", "10.00"), false)));

        tick("P00001", "9.99");
        tick("P00001", "9.50");
        assertThat(fired).isEmpty();
        tick("P00001", "10.01");
        tick("P00001", "10.20");

        assertThat(fired).singleElement().satisfies(firing -> {
            assertThat(firing.price()).isEqualTo(Amount.of("USD", "10.01"));
            assertThat(firing.time()).isEqualTo(START.plusSeconds(2));
        });
    }

    @Test
    void aOneShotAlertFiresOnceEverAndARepeatingOneOnEveryCrossing() {
        evaluator.watch(List.of(
                AlertRule.below("P00001", Amount.of("USD", "5.00"), false),
                AlertRule.below("P00001", Amount.of("USD", "5.00"), true)));

        for (String price : List.of("5.10", "4.90", "5.10", "4.95", "5.20", "5.00")) {
            tick("P00001", price);
        }

        assertThat(fired).extracting(firing -> firing.rule().repeating()).containsExactly(false, true, true, true);
    }

    @Test
    void aPriceAlreadyBeyondTheLevelDoesNotFireUntilItCrossesAgain() {
        tick("P00001", "12.00");
        evaluator.watch(List.of(AlertRule.above("P00001", Amount.of("USD", "10.00"), true)));

        tick("P00001", "12.50");
        assertThat(fired).isEmpty();
        tick("P00001", "9.00");
        tick("P00001", "11.00");

        assertThat(fired).singleElement().extracting(AlertFiring::price).isEqualTo(Amount.of("USD", "11.00"));
    }

    @Test
    void aMoveFiresWhenThePriceMovesThePercentageWithinTheWindow() {
        evaluator.watch(List.of(AlertRule.move("P00001", new BigDecimal("5"), USD, Duration.ofSeconds(10), true)));

        tick("P00001", "100.00");
        tick("P00001", "103.00");
        tick("P00001", "104.99");
        assertThat(fired).isEmpty();
        tick("P00001", "95.00");
        // Measured again from 95.00: 5 % is 4.75 away.
        tick("P00001", "99.00");
        assertThat(fired).extracting(AlertFiring::price).containsExactly(Amount.of("USD", "95.00"));

        // A slow drift out of the window does not fire.
        seconds += 60;
        tick("P00001", "96.00");
        seconds += 60;
        tick("P00001", "97.00");
        assertThat(fired).hasSize(1);
    }

    @Test
    void aMoveIsMeasuredFromTheOldestTickOfTheWindowHoweverManyItHolds() {
        evaluator.watch(List.of(AlertRule.move("P00001", new BigDecimal("5"), USD, Duration.ofMinutes(10), true)));

        // More ticks than the window's first room, none of them 5 % from the first.
        for (int cents = 0; cents < 100; cents++) {
            tick(
                    "P00001",
                    new BigDecimal("100.00").add(BigDecimal.valueOf(cents, 2)).toPlainString());
        }
        assertThat(fired).isEmpty();
        // 5 % from 100.00, the oldest, though only 4.01 % from 100.95, the latest.
        tick("P00001", "105.00");

        assertThat(fired).extracting(AlertFiring::price).containsExactly(Amount.of("USD", "105.00"));
    }

    @Test
    void aMoveOfExactlyTheFractionalPercentageFires() {
        evaluator.watch(List.of(AlertRule.move("P00001", new BigDecimal("0.07"), USD, Duration.ofSeconds(10), true)));

        // 7 cents in 100.00 is 0.07 %, though 7 * 100.0 < 0.07 * 10000 in doubles.
        tick("P00001", "100.00");
        tick("P00001", "100.06");
        assertThat(fired).isEmpty();
        tick("P00001", "100.07");

        assertThat(fired).extracting(AlertFiring::price).containsExactly(Amount.of("USD", "100.07"));
    }

    @Test
    void aLevelBetweenTwoMinorUnitsIsComparedExactlyInCurrenciesWithZeroTwoAndThreeDecimals() {
        evaluator.watch(List.of(
                AlertRule.above("P00001", Amount.of("USD", "10.01"), true),
                new AlertRule("P00002", AlertKind.ABOVE, new BigDecimal("10.005"), USD, Duration.ZERO, true),
                new AlertRule("P00003", AlertKind.BELOW, new BigDecimal("10.005"), USD, Duration.ZERO, true),
                new AlertRule("P00004", AlertKind.ABOVE, new BigDecimal("1000.5"), JPY, Duration.ZERO, true),
                new AlertRule("P00005", AlertKind.BELOW, new BigDecimal("1.0005"), KWD, Duration.ZERO, true)));

        // 10.00 is neither at nor above 10.005; 10.01 is. 10.01 is not at or below 10.005; 10.00 is.
        tick("P00002", "10.00");
        tick("P00002", "10.01");
        tick("P00003", "10.01");
        tick("P00003", "10.00");
        tickIn("JPY", "P00004", "1000");
        tickIn("JPY", "P00004", "1001");
        tickIn("KWD", "P00005", "1.001");
        tickIn("KWD", "P00005", "1.000");

        assertThat(fired)
                .extracting(AlertFiring::price)
                .containsExactly(
                        Amount.of("USD", "10.01"),
                        Amount.of("USD", "10.00"),
                        Amount.of("JPY", "1001"),
                        Amount.of("KWD", "1.000"));
    }

    @Test
    void ticksOfOtherProductsAndCurrenciesLeaveAnAlertAlone() {
        evaluator.watch(List.of(AlertRule.above("P00001", Amount.of("USD", "10.00"), true)));

        tick("P00001", "9.00");
        tick("P00002", "50.00");
        tickIn("EUR", "P00001", "20.00");

        assertThat(fired).isEmpty();
    }

    private void tick(String productId, String usd) {
        tickIn("USD", productId, usd);
    }

    private void tickIn(String currency, String productId, String price) {
        Amount amount = Amount.of(currency, price);
        Instant time = START.plusSeconds(seconds++);
        evaluator.onTick(new PriceTick(
                new Quote(productId, "Product " + productId, amount, amount, null, time), false, seconds, time));
    }
}
