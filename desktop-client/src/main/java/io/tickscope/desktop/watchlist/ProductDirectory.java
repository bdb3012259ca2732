package io.tickscope.desktop.watchlist;

import static java.util.Objects.requireNonNull;

import io.tickscope.desktop.model.PriceLookup;
import io.tickscope.desktop.model.Quote;
import io.tickscope.desktop.model.QuoteResult;
import io.tickscope.desktop.model.Segment;
import io.tickscope.desktop.rpc.PricingClient;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The catalogue's product names, for finding products by id or name. The contract has no product listing,
 * so the directory asks for the ids the server assigns ({@code P00001}, {@code P00002} ...) in batches of a
 * thousand until a batch comes back empty: about ten calls for the seeded catalogue.
 */
public final class ProductDirectory {

    /** What a product id looks like. */
    static final Pattern PRODUCT_ID = Pattern.compile("P\\d{5}");

    private static final int BATCH = PriceLookup.MAX_PRODUCTS;
    private static final int LARGEST_NUMBER = 99_999;
    private static final Currency ANY_CURRENCY = Currency.getInstance("USD");

    private final PricingClient pricing;
    /** Each entry: id, name, and name in lower case for matching; replaced whole when loaded. */
    private volatile List<Entry> entries = List.of();

    private record Entry(ProductMatch product, String lowerCaseName) {}

    public ProductDirectory(PricingClient pricing) {
        this.pricing = requireNonNull(pricing, "pricing");
    }

    /** Loads the names; the future fails with the call's status when the server cannot be reached. */
    public CompletableFuture<Integer> load() {
        return loadFrom(1, new ArrayList<>()).thenApply(loaded -> {
            entries = List.copyOf(loaded);
            return loaded.size();
        });
    }

    /** Returns whether the names are loaded. */
    public boolean isLoaded() {
        return !entries.isEmpty();
    }

    /**
     * Returns up to {@code limit} products whose id starts with {@code query} or whose name contains it,
     * ignoring case: id matches first, then names that start with it, then the rest, each in catalogue
     * order. An empty query returns the first products of the catalogue.
     */
    public List<ProductMatch> search(String query, int limit) {
        String needle = query.strip().toLowerCase(Locale.ROOT);
        List<ProductMatch> idMatches = new ArrayList<>();
        List<ProductMatch> namePrefixMatches = new ArrayList<>();
        List<ProductMatch> nameMatches = new ArrayList<>();
        for (Entry entry : entries) {
            if (idMatches.size() >= limit) {
                break;
            }
            if (entry.product().productId().toLowerCase(Locale.ROOT).startsWith(needle)) {
                idMatches.add(entry.product());
            } else if (namePrefixMatches.size() < limit && entry.lowerCaseName().startsWith(needle)) {
                namePrefixMatches.add(entry.product());
            } else if (nameMatches.size() < limit && entry.lowerCaseName().contains(needle)) {
                nameMatches.add(entry.product());
            }
        }
        List<ProductMatch> matches = new ArrayList<>(idMatches);
        matches.addAll(namePrefixMatches);
        matches.addAll(nameMatches);
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }

    private CompletableFuture<List<Entry>> loadFrom(int firstNumber, List<Entry> loaded) {
        if (firstNumber > LARGEST_NUMBER) {
            return CompletableFuture.completedFuture(loaded);
        }
        int lastNumber = Math.min(LARGEST_NUMBER, firstNumber + BATCH - 1);
        List<String> ids = IntStream.rangeClosed(firstNumber, lastNumber)
                .mapToObj(number -> String.format(Locale.ROOT, "P%05d", number))
                .toList();
        return pricing.getPrices(ids, ANY_CURRENCY, Segment.STANDARD).thenCompose(results -> {
            int before = loaded.size();
            for (QuoteResult result : results) {
                Quote quote = result.quote();
                if (quote != null) {
                    loaded.add(new Entry(
                            new ProductMatch(quote.productId(), quote.productName()),
                            quote.productName().toLowerCase(Locale.ROOT)));
                }
            }
            return loaded.size() == before
                    ? CompletableFuture.completedFuture(loaded)
                    : loadFrom(lastNumber + 1, loaded);
        });
    }
}
