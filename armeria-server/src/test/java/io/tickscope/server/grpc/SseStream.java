package io.tickscope.server.grpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A real HTTP client's view of a Server-Sent Events or NDJSON stream (java.net.http): the status, the content type,
 * and the events one by one as they arrive, read as a browser's EventSource reads them.
 */
final class SseStream implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One event: its name ("message" unless named), its id (or null) and its data as JSON. */
    record Event(String name, @Nullable String id, JsonNode data) {

        String productId() {
            return data.path("quote").path("productId").asText();
        }

        long sequenceNumber() {
            return data.path("sequenceNumber").asLong();
        }

        boolean isSnapshot() {
            return data.path("kind").asText().equals("PRICE_UPDATE_KIND_SNAPSHOT");
        }
    }

    private final HttpResponse<InputStream> response;
    private final BufferedReader lines;

    private SseStream(HttpResponse<InputStream> response) {
        this.response = response;
        lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    static SseStream open(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        try {
            return new SseStream(
                    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("content-type").orElse("");
    }

    /** Reads the whole body (an error's JSON, or a stream that ended). */
    JsonNode bodyAsJson() throws IOException {
        return JSON.readTree(response.body());
    }

    /** Returns the next Server-Sent Event, or null when the stream ended. */
    @Nullable
    Event next() throws IOException {
        String name = "message";
        @Nullable String id = null;
        StringBuilder data = new StringBuilder();
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    return new Event(name, id, JSON.readTree(data.toString()));
                }
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).stripLeading();
            switch (field) {
                case "event" -> name = value;
                case "id" -> id = value;
                case "data" -> data.append(data.length() == 0 ? "" : "\n").append(value);
                default -> {}
            }
        }
        return null;
    }

    /** Returns the next NDJSON line as JSON, or null when the stream ended. */
    @Nullable
    JsonNode nextLine() throws IOException {
        String line = lines.readLine();
        return line == null ? null : JSON.readTree(line);
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
