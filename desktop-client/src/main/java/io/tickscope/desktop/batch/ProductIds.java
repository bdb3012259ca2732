package io.tickscope.desktop.batch;

import io.tickscope.desktop.model.PriceLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the products a person asks for: pasted ids, or the first N of the catalogue. */
final class ProductIds {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private ProductIds() {}

    /** Returns the ids in {@code text}, separated by white space, commas or semicolons, in order. */
    static List<String> parse(String text) {
        List<String> ids = new ArrayList<>();
        for (String id : SEPARATORS.split(text.strip())) {
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * Returns the ids of the catalogue's first {@code count} products, "P00001" onwards: the catalogue numbers
     * its products from 1 with five digits, as the contract's examples ("P00042") show.
     *
     * @throws IllegalArgumentException when {@code count} is not 1 to {@link PriceLookup#MAX_PRODUCTS}
     */
    static List<String> first(int count) {
        if (count < 1 || count > PriceLookup.MAX_PRODUCTS) {
            throw new IllegalArgumentException(
                    "first: " + count + " (expected: 1 to " + PriceLookup.MAX_PRODUCTS + " products)");
        }
        List<String> ids = new ArrayList<>(count);
        for (int number = 1; number <= count; number++) {
            ids.add(String.format(Locale.ROOT, "P%05d", number));
        }
        return ids;
    }
}
