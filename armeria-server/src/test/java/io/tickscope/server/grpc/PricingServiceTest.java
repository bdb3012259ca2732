package io.tickscope.server.grpc;

import static io.tickscope.server.grpc.StatusAssertions.failsWith;
import static io.tickscope.server.grpc.StatusAssertions.fieldViolations;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.tickscope.api.pricing.v1.CustomerSegment;
import io.tickscope.api.pricing.v1.GetPriceRequest;
import io.tickscope.api.pricing.v1.GetPricesBatchRequest;
import io.tickscope.api.pricing.v1.GetPricesBatchResponse;
import io.tickscope.api.pricing.v1.PriceQuote;
import io.tickscope.api.pricing.v1.PriceResult;
import io.tickscope.api.pricing.v1.PricingServiceGrpc.PricingServiceBlockingStub;
import io.tickscope.shared.money.Amount;
import io.tickscope.shared.money.MoneyProtos;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PricingServiceTest {

    @RegisterExtension
    static final TickscopeTestServer server = new TickscopeTestServer(0);

    private final PricingServiceBlockingStub pricing = server.stub(PricingServiceBlockingStub.class);

    @Test
    void getPriceQuotesInTheRequestedCurrencyAndSegment() {
        String productId = firstProductNotOnSale();
        PriceQuote standard = quote(productId, "EUR", CustomerSegment.CUSTOMER_SEGMENT_STANDARD);
        PriceQuote vip = quote(productId, "EUR", CustomerSegment.CUSTOMER_SEGMENT_VIP);
        PriceQuote wholesale = quote(productId, "EUR", CustomerSegment.CUSTOMER_SEGMENT_WHOLESALE);

        assertThat(standard.getProductId()).isEqualTo(productId);
        assertThat(standard.getProductName()).isNotBlank();
        assertThat(standard.getBasePrice().getCurrencyCode()).isEqualTo("EUR");
        assertThat(standard.getDiscountedPrice()).isEqualTo(standard.getBasePrice());
        assertThat(vip.getBasePrice()).isEqualTo(standard.getBasePrice());
        // The seeded segment discounts: VIP 5% off, wholesale 12% off, rounded half-even to the cent.
        Amount base = MoneyProtos.fromProto(standard.getBasePrice());
        assertThat(MoneyProtos.fromProto(vip.getDiscountedPrice())).isEqualTo(base.discountedBy(500));
        assertThat(MoneyProtos.fromProto(wholesale.getDiscountedPrice())).isEqualTo(base.discountedBy(1_200));
        assertThat(standard.hasSaleEndTime()).isFalse();
    }

    @Test
    void getPriceDefaultsToUsdAndStandard() {
        PriceQuote quote = pricing.getPrice(
                        GetPriceRequest.newBuilder().setProductId("P00001").build())
                .getQuote();

        assertThat(quote.getBasePrice().getCurrencyCode()).isEqualTo("USD");
        assertThat(quote.getCustomerSegment()).isEqualTo(CustomerSegment.CUSTOMER_SEGMENT_STANDARD);
    }

    @Test
    void getPriceOfUnknownProductIsNotFound() {
        StatusRuntimeException failure = failsWith(
                Status.Code.NOT_FOUND, () -> quote("P99999", "USD", CustomerSegment.CUSTOMER_SEGMENT_STANDARD));

        assertThat(failure.getStatus().getDescription()).isEqualTo("product not found: \"P99999\"");
    }

    @Test
    void getPriceReportsEveryBadFieldAtOnce() {
        StatusRuntimeException failure = failsWith(
                Status.Code.INVALID_ARGUMENT,
                () -> pricing.getPrice(GetPriceRequest.newBuilder()
                        .setProductId("no spaces allowed")
                        .setCurrencyCode("euro")
                        .setCustomerSegmentValue(42)
                        .build()));

        assertThat(fieldViolations(failure))
                .extracting(violation -> violation.getField())
                .containsExactly("product_id", "currency_code", "customer_segment");
        assertThat(failure.getStatus().getDescription())
                .contains("currency_code: \"euro\" (expected: an ISO 4217 code such as USD, EUR or GBP)");
    }

    @Test
    void getPriceInUnsupportedCurrencyIsInvalid() {
        StatusRuntimeException failure = failsWith(
                Status.Code.INVALID_ARGUMENT, () -> quote("P00001", "CHF", CustomerSegment.CUSTOMER_SEGMENT_STANDARD));

        assertThat(fieldViolations(failure))
                .extracting(violation -> violation.getField())
                .containsExactly("currency_code");
    }

    @Test
    void batchAnswersInRequestOrderWithPerItemErrors() {
        GetPricesBatchResponse response = pricing.getPricesBatch(GetPricesBatchRequest.newBuilder()
                .addProductIds("P00003")
                .addProductIds("P12345")
                .addProductIds("P00001")
                .addProductIds("P00003")
                .setCurrencyCode("GBP")
                .build());

        assertThat(response.getResultsList())
                .extracting(PriceResult::getProductId)
                .containsExactly("P00003", "P12345", "P00001", "P00003");
        assertThat(response.getResults(0).getQuote().getBasePrice().getCurrencyCode())
                .isEqualTo("GBP");
        assertThat(response.getResults(1).hasQuote()).isFalse();
        assertThat(response.getResults(1).getError().getCode()).isEqualTo(Status.Code.NOT_FOUND.value());
        assertThat(response.getResults(1).getError().getMessage()).isEqualTo("product not found: \"P12345\"");
        assertThat(response.getResults(3).getQuote())
                .isEqualTo(response.getResults(0).getQuote());
    }

    @Test
    void batchOfAThousandIsServed() {
        GetPricesBatchRequest.Builder request = GetPricesBatchRequest.newBuilder();
        IntStream.rangeClosed(1, 1_000).forEach(i -> request.addProductIds(String.format("P%05d", i)));

        GetPricesBatchResponse response = pricing.getPricesBatch(request.build());

        assertThat(response.getResultsList()).hasSize(1_000).allMatch(PriceResult::hasQuote);
    }

    @Test
    void batchOverTheLimitIsInvalid() {
        GetPricesBatchRequest.Builder request = GetPricesBatchRequest.newBuilder();
        IntStream.rangeClosed(1, 1_001).forEach(i -> request.addProductIds(String.format("P%05d", i)));

        StatusRuntimeException failure =
                failsWith(Status.Code.INVALID_ARGUMENT, () -> pricing.getPricesBatch(request.build()));

        assertThat(fieldViolations(failure)).singleElement().satisfies(violation -> {
            assertThat(violation.getField()).isEqualTo("product_ids");
            assertThat(violation.getDescription()).isEqualTo("1001 ids (expected: 1 to 1000)");
        });
    }

    @Test
    void emptyBatchIsInvalid() {
        failsWith(
                Status.Code.INVALID_ARGUMENT, () -> pricing.getPricesBatch(GetPricesBatchRequest.getDefaultInstance()));
    }

    private String firstProductNotOnSale() {
        GetPricesBatchRequest.Builder request = GetPricesBatchRequest.newBuilder();
        IntStream.rangeClosed(1, 100).forEach(i -> request.addProductIds(String.format("P%05d", i)));
        return pricing.getPricesBatch(request.build()).getResultsList().stream()
                .filter(result -> !result.getQuote().getOnSale())
                .findFirst()
                .orElseThrow()
                .getProductId();
    }

    private PriceQuote quote(String productId, String currency, CustomerSegment segment) {
        return pricing.getPrice(GetPriceRequest.newBuilder()
                        .setProductId(productId)
                        .setCurrencyCode(currency)
                        .setCustomerSegment(segment)
                        .build())
                .getQuote();
    }
}
