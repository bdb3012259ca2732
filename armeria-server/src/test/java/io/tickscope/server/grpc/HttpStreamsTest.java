package io.tickscope.server.grpc;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP streams of WatchPrices and ListBooks, read by a real HTTP client (java.net.http, and a raw socket for the
 * reader that stops) from a real server on a loopback port: formats, resume by Last-Event-ID, flow control and the
 * error shapes before and after a stream starts.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HttpStreamsTest {

    private static final String THREE_PRODUCTS = "product_ids=P00001&product_ids=P00002&product_ids=P00003";
    private static final Map<String, String> SSE = Map.of("accept", "text/event-stream");

    /** About two changes a second per product: a few seconds show every kind of event. */
    @RegisterExtension
    static final TickscopeTestServer moving = new TickscopeTestServer(2_000);

    /** Prices that never change: what a resumed stream sends is then exactly known. */
    @RegisterExtension
    static final TickscopeTestServer still = new TickscopeTestServer(0);

    @Test
    void serverSentEventsCarrySnapshotsThenChangesAsTheContractsJson() throws IOException {
        try (SseStream stream = SseStream.open(watch(moving, THREE_PRODUCTS), SSE)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            List<SseStream.Event> events = read(stream, 9);

            assertThat(events.subList(0, 3))
                    .allSatisfy(event -> assertThat(event.isSnapshot()).isTrue())
                    .extracting(SseStream.Event::productId)
                    .containsExactlyInAnyOrder("P00001", "P00002", "P00003");
            assertThat(events.get(0).data().path("serverIncarnation").asLong()).isNotZero();
            assertThat(events.get(0)
                            .data()
                            .path("quote")
                            .path("discountedPrice")
                            .path("currencyCode")
                            .asText())
                    .isEqualTo("USD");
            assertThat(events.subList(3, 9))
                    .allSatisfy(event -> assertThat(event.isSnapshot()).isFalse());
            assertThat(events).allSatisfy(event -> assertThat(event.id()).isNotBlank());
        }
    }

    @Test
    void ndjsonIsChosenByAccept() throws IOException {
        try (SseStream stream = SseStream.open(
                watch(moving, THREE_PRODUCTS + "&currency_code=EUR"), Map.of("accept", "application/x-ndjson"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("application/x-ndjson");
            List<JsonNode> lines = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                lines.add(stream.nextLine());
            }
            assertThat(lines).allSatisfy(line -> assertThat(line.path("quote")
                            .path("discountedPrice")
                            .path("currencyCode")
                            .asText())
                    .isEqualTo("EUR"));
            assertThat(lines.get(0).path("kind").asText()).isEqualTo("PRICE_UPDATE_KIND_SNAPSHOT");
        }
    }

    @Test
    void resumeByLastEventIdSendsNoDuplicateAndAnnouncesEveryGap() throws IOException {
        Map<String, Long> held = new HashMap<>();
        String lastId;
        try (SseStream first = SseStream.open(watch(moving, THREE_PRODUCTS), SSE)) {
            List<SseStream.Event> events = read(first, 7);
            events.forEach(event -> held.put(event.productId(), event.sequenceNumber()));
            lastId = requireNonNull(events.get(events.size() - 1).id(), "id");
        }
        assertThat(lastId).isNotNull();

        Map<String, String> resume = new HashMap<>(SSE);
        resume.put("last-event-id", lastId);
        try (SseStream resumed = SseStream.open(watch(moving, THREE_PRODUCTS), resume)) {
            assertThat(resumed.status()).isEqualTo(200);
            Map<String, Long> firstAfterResume = new HashMap<>();
            for (SseStream.Event event : read(resumed, 9)) {
                long previous = requireNonNull(held.get(event.productId()), "held");
                assertThat(event.sequenceNumber())
                        .as("no duplicate of %s: after %d", event.productId(), previous)
                        .isGreaterThan(previous);
                if (firstAfterResume.putIfAbsent(event.productId(), event.sequenceNumber()) == null
                        && event.sequenceNumber() > previous + 1) {
                    assertThat(event.isSnapshot())
                            .as("a gap after %d in %s is announced by a snapshot", previous, event.productId())
                            .isTrue();
                }
                held.put(event.productId(), event.sequenceNumber());
            }
        }
    }

    @Test
    void resumedStreamOfUnchangedPricesSendsNothingAndEndsAtItsTimeoutWithAnErrorEvent() throws IOException {
        String lastId;
        try (SseStream first = SseStream.open(watch(still, THREE_PRODUCTS), SSE)) {
            lastId = requireNonNull(read(first, 3).get(2).id(), "id");
        }
        assertThat(lastId).isNotNull();

        try (SseStream resumed =
                SseStream.open(watch(still, THREE_PRODUCTS + "&timeout=2s"), Map.of("last-event-id", lastId))) {
            SseStream.Event only = requireNonNull(resumed.next(), "an event");
            assertThat(only.name()).isEqualTo("error");
            assertThat(only.data().path("grpc-code").asText()).isEqualTo("DEADLINE_EXCEEDED");
            assertThat(only.data().path("message").asText()).contains("timeout of PT2S");
            assertThat(resumed.next()).isNull();
        }
    }

    @Test
    void idOfAnotherIncarnationResyncsEveryProduct() throws IOException {
        String lastId;
        try (SseStream first = SseStream.open(watch(still, THREE_PRODUCTS), SSE)) {
            lastId = requireNonNull(read(first, 3).get(2).id(), "id");
        }
        assertThat(lastId).isNotNull();
        String otherIncarnation = "1" + lastId.substring(lastId.indexOf('.'));

        try (SseStream resumed = SseStream.open(
                watch(still, THREE_PRODUCTS + "&timeout=3s"), Map.of("last-event-id", otherIncarnation))) {
            assertThat(read(resumed, 3))
                    .allSatisfy(event -> assertThat(event.isSnapshot()).isTrue())
                    .extracting(SseStream.Event::productId)
                    .containsExactlyInAnyOrder("P00001", "P00002", "P00003");
        }
    }

    /**
     * A client that stops reading: the server keeps at most a window of events for it plus one conflated update per
     * product, the connection stays open, and once the client reads again it gets the latest prices, with gaps
     * where changes were conflated. Meanwhile other clients are served.
     */
    @Test
    void readerThatStopsIsConflatedAndCostsABoundedQueue() throws Exception {
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("127.0.0.1", moving.httpPort()));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET " + HttpStreamRoutes.WATCH_PRICES + " HTTP/1.1\r\nhost: 127.0.0.1\r\n"
                            + "accept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // The whole catalogue at 2,000 changes/s fills the socket buffers within seconds; then events wait.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> metric("tickscope_http_streams_max_unconsumed") >= HttpServerCall.WINDOW);
            await().atMost(Duration.ofSeconds(60)).until(() -> metric("tickscope_price_max_backlog") > 100);
            int products = moving.backend().priceBook().productIds().size();
            for (int i = 0; i < 10; i++) {
                assertThat(metric("tickscope_http_streams_max_unconsumed"))
                        .as("events held for the stalled reader")
                        .isLessThanOrEqualTo(HttpServerCall.WINDOW + 64);
                assertThat(metric("tickscope_price_max_backlog"))
                        .as("updates held for it: one per product at most")
                        .isLessThanOrEqualTo(products);
            }
            try (SseStream other = SseStream.open(watch(moving, THREE_PRODUCTS), SSE)) {
                assertThat(read(other, 4)).hasSize(4);
            }

            assertThat(readsAGap(stalled.getInputStream()))
                    .as("the stalled reader, reading again, sees a conflated gap")
                    .isTrue();
        }
    }

    @Test
    void clientThatLeavesEndsItsWatch() throws Exception {
        // Streams of other tests may still be closing: start from none.
        await().atMost(Duration.ofSeconds(60)).until(() -> metric("tickscope_http_streams") == 0);
        int before = moving.backend().priceBus().subscriberCount();
        try (SseStream stream = SseStream.open(watch(moving, THREE_PRODUCTS), SSE)) {
            read(stream, 3);
            assertThat(moving.backend().priceBus().subscriberCount()).isEqualTo(before + 1);
            assertThat(metric("tickscope_http_streams")).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> moving.backend().priceBus().subscriberCount() == before
                        && metric("tickscope_http_streams") == 0);
    }

    @Test
    void errorsBeforeTheStreamAreRestErrors() throws IOException {
        try (SseStream unknown = SseStream.open(watch(still, "product_ids=P00001&product_ids=NOPE1"), SSE)) {
            assertThat(unknown.status()).isEqualTo(404);
            JsonNode body = unknown.bodyAsJson();
            assertThat(body.path("grpc-code").asText()).isEqualTo("NOT_FOUND");
            assertThat(body.path("message").asText()).contains("NOPE1");
        }
        try (SseStream badAccept = SseStream.open(watch(still, THREE_PRODUCTS), Map.of("accept", "text/csv"))) {
            assertThat(badAccept.status()).isEqualTo(406);
            assertThat(badAccept.bodyAsJson().path("message").asText()).contains("text/event-stream");
        }
        try (SseStream badId = SseStream.open(watch(still, THREE_PRODUCTS), Map.of("last-event-id", "garbage"))) {
            assertThat(badId.status()).isEqualTo(400);
            JsonNode body = badId.bodyAsJson();
            assertThat(body.path("grpc-code").asText()).isEqualTo("INVALID_ARGUMENT");
            assertThat(body.path("message").asText()).contains("Last-Event-ID");
            assertThat(body.path("details").toString()).contains("Last-Event-ID");
        }
        try (SseStream badSegment = SseStream.open(watch(still, "customer_segment=GOLD"), SSE)) {
            assertThat(badSegment.status()).isEqualTo(400);
            assertThat(badSegment.bodyAsJson().path("message").asText()).contains("CUSTOMER_SEGMENT_VIP");
        }
        try (SseStream badCurrency = SseStream.open(watch(still, THREE_PRODUCTS + "&currency_code=XX"), SSE)) {
            assertThat(badCurrency.status()).isEqualTo(400);
            assertThat(badCurrency.bodyAsJson().path("message").asText()).contains("currency_code");
        }
    }

    @Test
    void listBooksStreamsEndsAndResumesAfterTheLastBook() throws IOException {
        URI science = still.httpUri().resolve(HttpStreamRoutes.LIST_BOOKS + "?category=BOOK_CATEGORY_SCIENCE");
        List<SseStream.Event> all = new ArrayList<>();
        try (SseStream stream = SseStream.open(science, SSE)) {
            for (SseStream.Event event = stream.next(); event != null; event = stream.next()) {
                all.add(event);
            }
        }
        assertThat(all).hasSizeGreaterThan(3);
        assertThat(all.get(all.size() - 1).name()).isEqualTo("end");
        List<SseStream.Event> books = all.subList(0, all.size() - 1);
        assertThat(books).allSatisfy(event -> assertThat(event.id())
                .isEqualTo(event.data().path("book").path("bookId").asText()));

        String resumeFrom = requireNonNull(books.get(books.size() - 3).id(), "id");
        assertThat(resumeFrom).isNotNull();
        Map<String, String> resume = new HashMap<>(SSE);
        resume.put("last-event-id", resumeFrom);
        List<String> resumed = new ArrayList<>();
        try (SseStream stream = SseStream.open(science, resume)) {
            for (SseStream.Event event = stream.next(); event != null; event = stream.next()) {
                resumed.add(event.name() + ':' + event.id());
            }
        }
        assertThat(resumed)
                .containsExactly(
                        "message:" + books.get(books.size() - 2).id(),
                        "message:" + books.get(books.size() - 1).id(),
                        "end:" + books.get(books.size() - 1).id());
    }

    private static URI watch(TickscopeTestServer server, String query) {
        return server.httpUri().resolve(HttpStreamRoutes.WATCH_PRICES + '?' + query);
    }

    private static List<SseStream.Event> read(SseStream stream, int count) throws IOException {
        List<SseStream.Event> events = new ArrayList<>();
        while (events.size() < count) {
            SseStream.Event event = stream.next();
            if (event == null) {
                throw new AssertionError("the stream ended after " + events.size() + " of " + count + " events");
            }
            assertThat(event.name()).as("event %s", event.data()).isEqualTo("message");
            events.add(event);
        }
        return events;
    }

    /** Reads the raw stream until some product's sequence numbers jump by more than one. */
    private static boolean readsAGap(InputStream in) throws IOException {
        Map<String, Long> last = new HashMap<>();
        StringBuilder line = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            if (b != '\n') {
                line.append((char) b);
                continue;
            }
            String text = line.toString();
            line.setLength(0);
            int product = text.indexOf("\"productId\":\"");
            int sequence = text.indexOf("\"sequenceNumber\":\"");
            if (text.startsWith("data:") && product >= 0 && sequence >= 0) {
                String id = text.substring(product + 13, text.indexOf('"', product + 13));
                long number = Long.parseLong(text.substring(sequence + 18, text.indexOf('"', sequence + 18)));
                @Nullable Long previous = last.put(id, number);
                if (previous != null && number > previous + 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long metric(String name) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(moving.httpUri().resolve("/internal/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return body.lines()
                .filter(line -> line.startsWith(name + ' ') || line.startsWith(name + '{'))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in the metrics"));
    }
}
