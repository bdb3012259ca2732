package io.tickscope.server.grpc;

import io.tickscope.api.pricing.v1.PriceUpdateKind;
import io.tickscope.api.pricing.v1.WatchPricesRequest;
import io.tickscope.api.pricing.v1.WatchPricesResponse;
import io.tickscope.server.error.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Resumes a WatchPrices stream over HTTP the way the contract tells a gRPC watcher to resume: the watcher holds
 * each product's last sequence number and the server incarnation it came with, ignores a change at or below the
 * number it holds, and takes a snapshot of another incarnation as a resync. A browser cannot keep those numbers
 * for a new request, so the event id carries them and this filter applies the rule for it on the server: a
 * resumed stream's snapshot of a product that did not change meanwhile is dropped (no duplicate), one that did
 * change arrives as a snapshot (the gap is announced: the state after the changes missed), and one of another
 * incarnation resyncs every product.
 *
 * <h2>The event id</h2>
 *
 * <p>{@code INCARNATION.LISTHASH.SEQ1.SEQ2...}, every number in base 36: the incarnation of the numbers held, a
 * CRC-32 of the watched product list, and one sequence number per watched product in the request's order (0 for
 * none held yet). The browser keeps only the last id and reconnects with the same URL, so the id needs no product
 * ids, only the numbers, and the hash refuses an id taken from another product list. It must be whole rather than
 * a reference to state on the server: the client may come back to a restarted server or to another replica.
 * Since every event carries every number, ids are given only to watches that name at most {@value
 * #MAX_PRODUCTS_WITH_IDS} products (at most about a kilobyte); a watch of more, or of the whole catalogue, has
 * no ids and starts again with snapshots, as a gRPC watcher that keeps nothing does.
 */
final class PriceResume implements ResumeFilter<WatchPricesResponse> {

    static final int MAX_PRODUCTS_WITH_IDS = 100;

    private static final int RADIX = 36;

    private final Map<String, Integer> slots;
    private final String listHash;
    private final long[] held;
    private long incarnation;

    private PriceResume(Map<String, Integer> slots, String listHash, long incarnation, long[] held) {
        this.slots = slots;
        this.listHash = listHash;
        this.incarnation = incarnation;
        this.held = held;
    }

    /** Makes the filter of a watch of {@code request} that resumes from {@code lastEventId}, if any. */
    static ResumeFilter<WatchPricesResponse> of(WatchPricesRequest request, @Nullable String lastEventId) {
        List<String> products = List.copyOf(new LinkedHashSet<>(request.getProductIdsList()));
        if (products.isEmpty() || products.size() > MAX_PRODUCTS_WITH_IDS) {
            if (lastEventId != null) {
                throw InvalidArgumentException.of(
                        "Last-Event-ID",
                        "given for a watch of " + (products.isEmpty() ? "every product" : products.size() + " products")
                                + ", whose events carry no ids (expected: none, or a watch of 1 to "
                                + MAX_PRODUCTS_WITH_IDS + " products)");
            }
            return new Unresumable();
        }
        Map<String, Integer> slots = new HashMap<>();
        for (String product : products) {
            slots.put(product, slots.size());
        }
        String listHash = listHash(products);
        long[] held = new long[products.size()];
        if (lastEventId == null) {
            return new PriceResume(slots, listHash, 0, held);
        }
        String[] parts = lastEventId.split("\\.", -1);
        if (parts.length != 2 + products.size()) {
            throw badId(lastEventId, "2 + " + products.size() + " numbers, one per watched product");
        }
        if (!parts[1].equals(listHash)) {
            throw badId(lastEventId, "an id of this product list (its hash is " + listHash + ')');
        }
        try {
            long incarnation = Long.parseUnsignedLong(parts[0], RADIX);
            for (int i = 0; i < held.length; i++) {
                held[i] = Long.parseLong(parts[2 + i], RADIX);
                if (held[i] < 0) {
                    throw badId(lastEventId, "sequence numbers of 0 or more");
                }
            }
            return new PriceResume(slots, listHash, incarnation, held);
        } catch (NumberFormatException e) {
            throw badId(lastEventId, "base-36 numbers separated by dots");
        }
    }

    @Override
    public boolean admit(WatchPricesResponse message) {
        Integer slot = slots.get(message.getQuote().getProductId());
        if (slot == null) {
            return true;
        }
        long sequence = message.getSequenceNumber();
        if (message.getKind() == PriceUpdateKind.PRICE_UPDATE_KIND_SNAPSHOT
                && message.getServerIncarnation() != incarnation) {
            // Numbers of another incarnation compare with nothing held: every product resyncs from its snapshot.
            incarnation = message.getServerIncarnation();
            Arrays.fill(held, 0);
        } else if (sequence <= held[slot]) {
            return false;
        }
        held[slot] = sequence;
        return true;
    }

    @Override
    public String lastEventId() {
        StringBuilder id = new StringBuilder(Long.toUnsignedString(incarnation, RADIX))
                .append('.')
                .append(listHash);
        for (long sequence : held) {
            id.append('.').append(Long.toString(sequence, RADIX));
        }
        return id.toString();
    }

    private static String listHash(List<String> products) {
        CRC32 crc = new CRC32();
        crc.update(String.join(",", products).getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue(), RADIX);
    }

    private static InvalidArgumentException badId(String id, String expected) {
        return InvalidArgumentException.of("Last-Event-ID", '"' + id + "\" (expected: " + expected + ')');
    }

    /** A watch too wide for ids: every message goes out, none named. */
    private static final class Unresumable implements ResumeFilter<WatchPricesResponse> {

        @Override
        public boolean admit(WatchPricesResponse message) {
            return true;
        }

        @Override
        public @Nullable String lastEventId() {
            return null;
        }
    }
}
