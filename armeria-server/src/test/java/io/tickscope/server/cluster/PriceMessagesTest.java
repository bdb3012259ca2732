package io.tickscope.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickscope.server.pricing.PriceUpdate;
import io.tickscope.server.pricing.ProductListing;
import io.tickscope.server.pricing.Sale;
import io.tickscope.shared.money.Amount;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The JSON body of a price change in the stream: what one replica writes, another reads back unchanged. */
class PriceMessagesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T04:50:00.123456789Z");

    @Test
    void aChangeWithASaleReadsBackAsWritten() {
        PriceUpdate update = new PriceUpdate(
                new ProductListing(
                        "P00042",
                        "Kettle \"Deluxe\"",
                        new Amount(Currency.getInstance("JPY"), 12_345),
                        new Sale(2_500, NOW.plusSeconds(60)),
                        NOW),
                17,
                NOW,
                PriceUpdate.Kind.CHANGE);

        assertThat(PriceMessages.decode(PriceMessages.encode(update))).isEqualTo(update);
    }

    @Test
    void aChangeWithoutASaleReadsBackAsWritten() {
        PriceUpdate update = new PriceUpdate(
                new ProductListing("P00001", "Mug", new Amount(Currency.getInstance("EUR"), 999), null, NOW),
                2,
                NOW,
                PriceUpdate.Kind.CHANGE);

        assertThat(PriceMessages.decode(PriceMessages.encode(update))).isEqualTo(update);
    }

    @Test
    void aBodyThatIsNotAChangeIsRefusedWithWhatIsMissing() {
        assertThatThrownBy(() -> PriceMessages.decode("{\"productId\":\"P00001\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("price change message:")
                .hasMessageContaining("name")
                .hasMessageContaining("(expected: the JSON object a Tickscope replica writes)");
    }
}
