package io.tickscope.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickscope.server.pricing.PriceUpdate;
import io.tickscope.server.pricing.ProductListing;
import io.tickscope.server.pricing.Sale;
import io.tickscope.shared.money.Amount;
import java.io.IOException;
import java.time.Instant;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A price change as a JetStream message body: a small JSON object, readable with {@code nats stream get}. It
 * carries the product's sequence number: the stream keeps only the latest message per product, so its own
 * sequences are not consecutive per product, and the number a watcher sees must be.
 */
final class PriceMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PriceMessages() {}

    static byte[] encode(PriceUpdate update) {
        ProductListing listing = update.listing();
        ObjectNode node = JSON.createObjectNode()
                .put("productId", listing.productId())
                .put("name", listing.name())
                .put("currency", listing.basePrice().currency().getCurrencyCode())
                .put("minorUnits", listing.basePrice().minorUnits())
                .put("updateTime", listing.updateTime().toString())
                .put("sequenceNumber", update.sequenceNumber())
                .put("eventTime", update.eventTime().toString());
        Sale sale = listing.sale();
        if (sale != null) {
            node.put("saleDiscountBasisPoints", sale.discountBasisPoints())
                    .put("saleEndTime", sale.endTime().toString());
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a price change as JSON", e);
        }
    }

    /**
     * Reads a change written by {@link #encode}.
     *
     * @throws IllegalArgumentException naming what is wrong when {@code body} is not such a change
     */
    static PriceUpdate decode(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            @Nullable
            Sale sale = node.has("saleDiscountBasisPoints")
                    ? new Sale(
                            node.required("saleDiscountBasisPoints").asInt(),
                            Instant.parse(node.required("saleEndTime").asText()))
                    : null;
            ProductListing listing = new ProductListing(
                    node.required("productId").asText(),
                    node.required("name").asText(),
                    new Amount(
                            Currency.getInstance(node.required("currency").asText()),
                            node.required("minorUnits").asLong()),
                    sale,
                    Instant.parse(node.required("updateTime").asText()));
            return new PriceUpdate(
                    listing,
                    node.required("sequenceNumber").asLong(),
                    Instant.parse(node.required("eventTime").asText()),
                    PriceUpdate.Kind.CHANGE);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "price change message: " + e.getMessage()
                            + " (expected: the JSON object a Tickscope replica writes)",
                    e);
        }
    }
}
