package io.tickscope.desktop.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickscope.desktop.explorer.command.CallSpec;
import io.tickscope.desktop.explorer.command.CommandLines;
import io.tickscope.desktop.explorer.schema.HttpRoute;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command lines a shell reads back word for word: quoting, metadata, TLS flags, the body and the REST route. */
class CommandLinesTest {

    private static final CallSpec PLAINTEXT = new CallSpec(
            "127.0.0.1:8080",
            false,
            null,
            null,
            null,
            "tickscope.pricing.v1.PricingService/GetPrice",
            List.of(Map.entry("x-request-id", "it's 42")),
            "{\"productId\":\"P00042\",\"currencyCode\":\"EUR\"}",
            Duration.ofMillis(2500));

    @Test
    void grpcurlQuotesTheBodyAndAHeaderWithASingleQuote() {
        assertThat(CommandLines.grpcurl(PLAINTEXT))
                .isEqualTo("grpcurl -plaintext -H 'x-request-id: it'\\''s 42' -max-time 2.5"
                        + " -d '{\"productId\":\"P00042\",\"currencyCode\":\"EUR\"}' 127.0.0.1:8080"
                        + " tickscope.pricing.v1.PricingService/GetPrice");
    }

    @Test
    void bufCurlOverTlsNamesTheCertificatesAndUsesHttps() {
        CallSpec tls = new CallSpec(
                "prices.example:8443",
                true,
                Path.of("/etc/ca.pem"),
                Path.of("client.pem"),
                Path.of("client.key"),
                "tickscope.pricing.v1.PricingService/GetPrice",
                List.of(),
                "{}",
                null);

        assertThat(CommandLines.bufCurl(tls))
                .isEqualTo("buf curl --protocol grpc --cacert /etc/ca.pem --cert client.pem --key client.key"
                        + " -d '{}' https://prices.example:8443/tickscope.pricing.v1.PricingService/GetPrice");
    }

    @Test
    void curlFillsThePathFromTheRequestAndPutsTheRestInTheQuery() {
        assertThat(CommandLines.curl(PLAINTEXT, new HttpRoute("GET", "/v1/prices/{product_id}", "")))
                .isEqualTo("curl -sS -H 'x-request-id: it'\\''s 42'"
                        + " 'http://127.0.0.1:8080/v1/prices/P00042?currencyCode=EUR'");
    }

    @Test
    void curlPostsTheWholeRequestForBodyStar() {
        assertThat(CommandLines.curl(PLAINTEXT, new HttpRoute("POST", "/v1/prices:batchGet", "*")))
                .contains("-X POST")
                .contains("-H 'content-type: application/json'")
                .contains("-d '{\"productId\":\"P00042\",\"currencyCode\":\"EUR\"}'")
                .endsWith(" http://127.0.0.1:8080/v1/prices:batchGet");
    }
}
